import { defineConfig } from "vitest/config";

// Each file starts real processes (partykit dev, the sandbox service): one file at a time
// keeps a 2-core machine from timing itself out.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
