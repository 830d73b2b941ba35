import { describe, expect, it } from "vitest";
import { z } from "zod";
import { composeEnv, defineEnv, EnvError, readEnv, requireEnv } from "./index.ts";
import { envBaseUrl, envFlag, envSecret } from "./values.ts";

const databaseEnv = defineEnv({ DATABASE_URL: z.string().url().optional() });
const appEnv = defineEnv(
  { PORT: z.coerce.number().int().default(3000), APP_SECRET: envSecret, DEBUG: envFlag },
  { check: (env, report) => (env.PORT === 1 ? report("PORT", "must not be 1") : undefined) },
);
const serviceEnv = defineEnv({ SERVICE_URL: envBaseUrl.default("http://127.0.0.1:4100") });

function problemsOf(read: () => unknown): readonly string[] {
  try {
    read();
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  throw new Error("expected the environment to be refused");
}

describe("environment parts", () => {
  it("lists every bad value of every part at once, naming each variable", () => {
    const read = () =>
      composeEnv({ db: databaseEnv, app: appEnv, service: serviceEnv }, { DATABASE_URL: "not a url", APP_SECRET: "short", DEBUG: "maybe", SERVICE_URL: "nope" }, "The test app's environment");
    expect(read).toThrow(/^The test app's environment is not valid:\n/);
    const problems = problemsOf(read);
    expect(problems.map((problem) => problem.split(":")[0]).sort()).toEqual(["APP_SECRET", "DATABASE_URL", "DEBUG", "SERVICE_URL"]);
    expect(problems.find((problem) => problem.startsWith("APP_SECRET"))).toMatch(/at least 32 characters/);
  });

  it("treats an empty string as unset, so defaults apply and optional keys stay out", () => {
    const env = composeEnv({ db: databaseEnv, service: serviceEnv }, { DATABASE_URL: "", SERVICE_URL: "" }, "env");
    expect(env).toEqual({ db: { DATABASE_URL: undefined }, service: { SERVICE_URL: "http://127.0.0.1:4100" } });
  });

  it("reads flags the same way everywhere and drops a trailing slash from base URLs", () => {
    const env = composeEnv({ app: appEnv, service: serviceEnv }, { APP_SECRET: "s".repeat(32), DEBUG: "yes", SERVICE_URL: "http://host:1//" }, "env");
    expect(env.app).toMatchObject({ DEBUG: true, PORT: 3000 });
    expect(env.service.SERVICE_URL).toBe("http://host:1");
    expect(readEnv(appEnv, { APP_SECRET: "s".repeat(32), DEBUG: "0" }, "env").DEBUG).toBe(false);
  });

  it("runs cross-variable checks beside malformed values, without repeating a variable already reported", () => {
    expect(problemsOf(() => readEnv(appEnv, { APP_SECRET: "short", PORT: "1" }, "env"))).toEqual([
      "APP_SECRET: must be at least 32 characters (e.g. `openssl rand -hex 32`)",
      "PORT: must not be 1",
    ]);
    expect(problemsOf(() => readEnv(appEnv, { APP_SECRET: "s".repeat(32), PORT: "x" }, "env"))).toHaveLength(1);
  });

  it("lets one process insist on a variable another may leave out, alongside other problems", () => {
    const strict = requireEnv(serviceEnv, ["SERVICE_URL"], "is required here");
    expect(problemsOf(() => composeEnv({ service: strict, app: appEnv }, {}, "env"))).toEqual(["SERVICE_URL: is required here", "APP_SECRET: Invalid input: expected string, received undefined"]);
    expect(readEnv(strict, { SERVICE_URL: "http://x/" }, "env").SERVICE_URL).toBe("http://x");
  });

  it("ignores variables no part declares", () => {
    expect(readEnv(databaseEnv, { PATH: "/usr/bin", DATABASE_URL: "postgres://127.0.0.1/x" }, "env")).toEqual({ DATABASE_URL: "postgres://127.0.0.1/x" });
  });
});
