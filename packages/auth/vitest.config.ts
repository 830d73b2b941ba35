import { defineConfig } from "vitest/config";

// Integration tests here do fixed, CPU-bound work — a migrated database per file, argon2id
// hashes, real HTTP — whose duration follows the machine's load (2 shared cores in CI).
// Vitest's defaults (5 s per test, 10 s per hook) then fail healthy tests on a busy machine.
// These bounds only catch hangs; tests wait for conditions, never for fixed times.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
