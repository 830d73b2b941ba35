import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Tests start local HTTP servers and real shell processes; a loaded 2-core machine is slow.
    testTimeout: 30_000,
  },
});
