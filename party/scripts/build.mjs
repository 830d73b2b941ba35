#!/usr/bin/env node
// `npm run build -w @interviewlm/party`: bundles the rooms the way `partykit deploy` does
// (partykit 0.0.115: its own esbuild, the "partykit"/"workerd"/"worker" export conditions,
// one ESM module exporting the main party and each named party, process.env injected) into
// dist/rooms.js, so a broken rooms bundle fails the build before anyone deploys it.
// The bundle is a check and a size figure; `partykit deploy` builds and uploads its own.
// Node built-ins stay imports: PartyKit's runtime provides them (nodejs_compat).
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PARTY_DIR, findPartykitBin } from "./partykit-launch.mjs";

const partykitDir = path.resolve(path.dirname(findPartykitBin()), "..");
const esbuild = createRequire(path.join(partykitDir, "package.json"))("esbuild");
const config = JSON.parse(readFileSync(path.join(PARTY_DIR, "partykit.json"), "utf8"));

const parties = Object.entries(config.parties ?? {})
  .map(([name, file]) => `import ${name}Party from ${JSON.stringify(path.resolve(PARTY_DIR, file))};\nexport const ${name} = ${name}Party;`)
  .join("\n");
const outdir = path.join(PARTY_DIR, "dist");
mkdirSync(outdir, { recursive: true });

const result = await esbuild.build({
  stdin: {
    contents: `import WorkerSpec from ${JSON.stringify(path.resolve(PARTY_DIR, config.main))}; export default WorkerSpec;\n${parties}`,
    resolveDir: PARTY_DIR,
  },
  bundle: true,
  format: "esm",
  target: "es2022",
  platform: "neutral",
  mainFields: ["module", "main"],
  conditions: ["partykit", "workerd", "worker", "import", "default"],
  external: ["node:*", "cloudflare:*", "__STATIC_ASSETS_MANIFEST__"],
  inject: [path.join(partykitDir, "inject-process.js")],
  define: { PARTYKIT_HOST: JSON.stringify(process.env.PARTYKIT_HOST_NAME ?? "interviewlm-rooms.partykit.dev"), PARTYKIT_PROCESS_ENV: '"{}"' },
  minify: true,
  metafile: true,
  outfile: path.join(outdir, "rooms.js"),
  logLevel: "warning",
});
writeFileSync(path.join(outdir, "meta.json"), JSON.stringify(result.metafile));
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(`rooms bundle: dist/rooms.js (${(bytes / 1024).toFixed(0)} KiB, parties: main${Object.keys(config.parties ?? {}).map((n) => `, ${n}`).join("")})`);
