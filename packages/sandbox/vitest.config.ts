import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files start real sandboxes; two at a time suits the 2-core CI machines.
    maxWorkers: 2,
  },
});
