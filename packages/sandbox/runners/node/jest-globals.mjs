// `import { describe, it, expect, jest } from "@jest/globals"` resolves here, and Jest-style test
// files that use these as globals get them from here too (run-tests.sh injects it).
import { jest as globals } from "./vitest-compat.mjs";

export const { describe, it, test, xdescribe, fdescribe, xit, xtest, fit, expect, beforeAll, afterAll, beforeEach, afterEach, jest } = globals;
