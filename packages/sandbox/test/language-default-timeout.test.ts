import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LANGUAGES } from "../src/languages/index.ts";
import { LANGUAGE_RUN_FIXTURES } from "../src/testing/language-fixtures.ts";
import { startLocalProvider } from "./helpers.ts";

// A language whose every run builds first (Java: javac, then a second JVM) gets its own default
// time for a test run that names none, instead of the provider's default sized for interpreted
// runs. With a provider default far too short for any JVM build, the run still completes.
describe("a test run without a timeout", () => {
  let target: Awaited<ReturnType<typeof startLocalProvider>>;
  beforeAll(async () => {
    target = await startLocalProvider({ limits: { defaultTimeoutMs: 200 } });
  }, 60_000);
  afterAll(async () => {
    await target?.cleanup();
  }, 60_000);

  // Every language that builds before it runs declares its own default.
  const withDefault = LANGUAGE_RUN_FIXTURES.filter((fixture) => LANGUAGES[fixture.language].defaultTestTimeoutMs !== undefined);
  it("covers the compiled languages", () => {
    expect(withDefault.map((fixture) => fixture.language)).toEqual(expect.arrayContaining(["go", "java", "cpp"]));
  });

  it.each(withDefault.map((fixture) => [fixture.language, fixture] as const))("gets the language's default time when the language has one (%s)", { timeout: 120_000 }, async (_language, fixture) => {
    const { id } = await target.provider.createWorkspace({ language: fixture.language, files: fixture.files });
    const run = await target.provider.runTests(id, {});
    expect(run.status, run.summary).toBe("failed");
    expect(run.totals).toMatchObject({ total: 3, passed: 2, failed: 1 });
  });

  it("gets the provider's default otherwise", { timeout: 60_000 }, async () => {
    const { id } = await target.provider.createWorkspace({ language: "python", files: [{ path: "test_slow.py", content: "import time\n\ndef test_slow():\n    time.sleep(30)\n" }] });
    expect((await target.provider.runTests(id, {})).status).toBe("timeout");
  });
});
