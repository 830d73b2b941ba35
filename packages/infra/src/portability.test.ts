import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

// The rooms run in Cloudflare workerd: bundling for the browser fails if anything in these
// modules' import graphs needs a Node built-in.
describe("the infra modules", () => {
  for (const entry of ["./env/index.ts", "./http/index.ts", "./log/index.ts", "./worker/index.ts"]) {
    it(`${entry} bundles for the browser and workerd without any Node built-in`, async () => {
      const result = await build({
        entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
        bundle: true,
        platform: "browser",
        format: "esm",
        write: false,
        logLevel: "silent",
      });
      expect(result.errors).toEqual([]);
      expect(result.outputFiles[0]?.text.length).toBeGreaterThan(0);
    });
  }
});
