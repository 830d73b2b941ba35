// Start-up cost of TypeScript test runners on the 5-test fixture, run bare (no sandbox), to
// pick the runner for the sandbox (docs/decisions/0006-sandbox-typescript-test-runner.md).
//   npx tsx bench/sandbox/ts-runners.ts [runs]
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { TYPESCRIPT_SUITE } from "@interviewlm/sandbox/fixtures";
import { median, ms, percentile, table } from "./stats.ts";

const RUNS = Number(process.argv[2] ?? 15);
const REPO = fileURLToPath(new URL("../..", import.meta.url));
const RUNNERS = path.join(REPO, "packages/sandbox/runners");
const require = createRequire(path.join(REPO, "packages/sandbox/package.json"));
const ESBUILD = path.join(path.dirname(require.resolve("esbuild/package.json")), "bin/esbuild");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "interviewlm-ts-runners-"));
for (const file of TYPESCRIPT_SUITE.files) {
  fs.mkdirSync(path.join(dir, "ws", path.dirname(file.path)), { recursive: true });
  fs.writeFileSync(path.join(dir, "ws", file.path), file.content);
}
fs.symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "ws", "node_modules"));
// The same five tests written for vitest.
const vitestTest = TYPESCRIPT_SUITE.files[1]?.content.replace("import { describe, it, test } from 'node:test';\nimport assert from 'node:assert/strict';", "import { describe, it, test, assert } from 'vitest';").replace(/assert\.equal/g, "assert.strictEqual") ?? "";
fs.mkdirSync(path.join(dir, "vt/src"), { recursive: true });
fs.writeFileSync(path.join(dir, "vt/src/math.ts"), TYPESCRIPT_SUITE.files[0]?.content ?? "");
fs.writeFileSync(path.join(dir, "vt/src/math.test.ts"), vitestTest);
fs.symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "vt", "node_modules"));

const candidates: { name: string; run: () => { status: number | null } }[] = [
  {
    name: "esbuild bundle + node:test in-process (chosen)",
    run: () => {
      const work = fs.mkdtempSync(path.join(dir, "work-"));
      const result = spawnSync("/bin/sh", [path.join(RUNNERS, "node/run-tests.sh")], {
        env: { PATH: "/usr/bin:/bin", SOURCE_DIR: path.join(dir, "ws"), WORK_DIR: work, RUNNERS_DIR: RUNNERS, ESBUILD, TMPDIR: dir, RESULTS_PATH: path.join(work, ".results") },
        stdio: "ignore",
      });
      fs.rmSync(work, { recursive: true, force: true });
      return result;
    },
  },
  { name: "tsx loader + node --test", run: () => spawnSync(process.execPath, ["--import", "tsx", "--test", "src/math.test.ts"], { cwd: path.join(dir, "ws"), stdio: "ignore" }) },
  { name: "tsx loader + node:test in-process", run: () => spawnSync(process.execPath, ["--import", "tsx", "src/math.test.ts"], { cwd: path.join(dir, "ws"), stdio: "ignore" }) },
  { name: "vitest run (threads pool)", run: () => spawnSync(process.execPath, [path.join(REPO, "node_modules/vitest/vitest.mjs"), "run", "--pool=threads"], { cwd: path.join(dir, "vt"), stdio: "ignore", env: { ...process.env, CI: "1" } }) },
  { name: "tsc --noEmit (type check only)", run: () => spawnSync(process.execPath, [path.join(REPO, "node_modules/typescript/bin/tsc"), "--noEmit", "--strict", "--target", "es2022", "--module", "nodenext", "--allowImportingTsExtensions", "--types", "node", "src/math.ts"], { cwd: path.join(dir, "ws"), stdio: "ignore" }) },
];

const rows: (string | number)[][] = [];
for (const candidate of candidates) {
  candidate.run(); // warm the page cache
  const samples: number[] = [];
  let failures = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    const { status } = candidate.run();
    samples.push(performance.now() - started);
    if (status === null) failures += 1;
  }
  rows.push([candidate.name, ms(median(samples)), ms(percentile(samples, 90)), failures]);
}
fs.rmSync(dir, { recursive: true, force: true });
console.log(`TypeScript runners, 5-test suite, ${RUNS} runs each, bare on ${os.cpus().length} CPUs\n`);
console.log(table(["runner", "median", "p90", "crashed"], rows));
