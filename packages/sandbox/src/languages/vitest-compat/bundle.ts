import { buildSync } from "esbuild";
import { fileURLToPath } from "node:url";

// The Vitest/Jest compatibility module (runtime.ts with `expect` and `jest-mock` inlined) as one
// ES module, for the sandbox, which has no node_modules: the local provider writes it into its
// staged runners directory, the Modal provider into the Node image. Built on first use and kept
// (≈ 0.2 s); the runners' `vitest.mjs` and `jest-globals.mjs` re-export from it.

export const VITEST_COMPAT_FILE = "vitest-compat.mjs";

let built: string | null = null;

export function vitestCompatBundle(): string {
  built ??= buildSync({
    entryPoints: [fileURLToPath(new URL("./runtime.ts", import.meta.url))],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    minify: true,
    write: false,
    logLevel: "silent",
    // `expect` and its helpers are CommonJS: inside an ES module they need require and __dirname.
    banner: {
      js: [
        "import { createRequire as __ilmCompatRequire } from 'node:module';",
        "import { fileURLToPath as __ilmCompatPath } from 'node:url';",
        "const require = __ilmCompatRequire(import.meta.url);",
        "const __filename = __ilmCompatPath(import.meta.url);",
        "const __dirname = __ilmCompatPath(new URL('.', import.meta.url));",
      ].join(" "),
    },
  }).outputFiles[0]!.text;
  return built;
}
