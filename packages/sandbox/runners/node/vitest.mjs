// `import { describe, it, expect, vi } from "vitest"` in a test file resolves here (run-tests.sh
// aliases the package): Vitest's API on node:test, from the staged compatibility bundle.
import { vitest } from "./vitest-compat.mjs";

export const { describe, suite, it, test, expect, beforeAll, afterAll, beforeEach, afterEach, vi } = vitest;
export default vitest;
