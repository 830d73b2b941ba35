import { describe, expect, it } from "vitest";
import { readWebEnv } from "./env.ts";

const secret = "s".repeat(40);

describe("the web app's environment", () => {
  it("refuses to start with several bad values, listing every one of them across the packages", () => {
    const read = () =>
      readWebEnv({
        NODE_ENV: "production",
        APP_SECRET: "short",
        DATABASE_URL: "not a url",
        EMAIL_FROM: "nobody",
        GITHUB_CLIENT_ID: "id",
        SANDBOX_URL: "nope",
        TRUST_PROXY: "maybe",
      });
    let message = "";
    try {
      read();
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    expect(message).toMatch(/^The web app's environment is not valid:/);
    for (const problem of [
      /APP_SECRET: must be at least 32 characters/,
      /APP_URL: is required in production/,
      /DATABASE_URL: /,
      /EMAIL_FROM: must look like/,
      /GITHUB_CLIENT_SECRET: required when GITHUB_CLIENT_ID is set/,
      /ROOM_TOKEN_SECRET: /,
      /SANDBOX_URL: /,
      /SANDBOX_SERVICE_SECRET: is required in production/,
      /TRUST_PROXY: /,
      /METRICS_TOKEN: is required in production/,
      /RESEND_API_KEY: is required in production/,
    ]) {
      expect(message).toMatch(problem);
    }
    expect(message).toMatch(/See \.env\.example/);
  });

  it("demands PostgreSQL in production, and mail delivery unless the dev mailbox is deliberately on", () => {
    const production = { NODE_ENV: "production", APP_URL: "https://hire.example.com", APP_SECRET: secret, ROOM_TOKEN_SECRET: secret, SANDBOX_SERVICE_SECRET: secret, METRICS_TOKEN: secret };
    expect(() => readWebEnv(production)).toThrow(/DATABASE_URL: is required in production[\s\S]*RESEND_API_KEY: is required in production/);
    const complete = { ...production, DATABASE_URL: "postgres://db.internal/app", RESEND_API_KEY: "re_live" };
    expect(readWebEnv(complete)).toMatchObject({ NODE_ENV: "production", METRICS_TOKEN: secret, DATABASE_URL: "postgres://db.internal/app" });
    expect(readWebEnv({ ...complete, RESEND_API_KEY: "", ENABLE_DEV_MAILBOX: "1" }).ENABLE_DEV_MAILBOX).toBe(true);
  });

  it("composes the packages' variables into one flat environment with development defaults", () => {
    const env = readWebEnv({ APP_SECRET: secret, ROOM_TOKEN_SECRET: secret, DATABASE_URL: "", RESEND_API_KEY: "" });
    expect(env).toMatchObject({
      NODE_ENV: "development",
      APP_URL: "http://localhost:3000",
      SANDBOX_URL: "http://127.0.0.1:4100",
      ROOM_TOKEN_SECRET: secret,
      TRUST_PROXY: false,
      email: { EMAIL_FROM: expect.stringContaining("@") },
      oauth: { configured: [] },
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SANDBOX_SERVICE_SECRET).toBeUndefined();
  });
});

describe("billing in the web app's environment", () => {
  const base = { APP_SECRET: secret, ROOM_TOKEN_SECRET: secret };
  const messageOf = (source: Record<string, string>) => {
    try {
      readWebEnv(source);
      return "";
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };

  it("is off without STRIPE_SECRET_KEY", () => {
    expect(readWebEnv(base).billing.STRIPE_SECRET_KEY).toBeUndefined();
  });

  it("refuses a half configuration: a secret key without the webhook secret, or the reverse", () => {
    expect(messageOf({ ...base, STRIPE_SECRET_KEY: "sk_test_abc123" })).toMatch(/STRIPE_WEBHOOK_SECRET: is required when STRIPE_SECRET_KEY is set/);
    expect(messageOf({ ...base, STRIPE_WEBHOOK_SECRET: "whsec_abc123" })).toMatch(/STRIPE_SECRET_KEY: is required when STRIPE_WEBHOOK_SECRET is set/);
    expect(messageOf({ ...base, STRIPE_SECRET_KEY: "pk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_abc123" })).toMatch(/STRIPE_SECRET_KEY: must be a Stripe secret key/);
  });

  it("accepts both, with a local API URL for tests", () => {
    const env = readWebEnv({ ...base, STRIPE_SECRET_KEY: "sk_test_abc123", STRIPE_WEBHOOK_SECRET: "whsec_abc123", STRIPE_API_URL: "http://127.0.0.1:12111" });
    expect(env.billing).toMatchObject({ STRIPE_SECRET_KEY: "sk_test_abc123", STRIPE_API_URL: "http://127.0.0.1:12111" });
  });
});

describe("evaluation judge samples in the web app's environment", () => {
  const base = { APP_SECRET: secret, ROOM_TOKEN_SECRET: secret };

  it("default to three, and an empty value counts as unset", () => {
    expect(readWebEnv(base).EVALUATION_JUDGE_SAMPLES).toBe(3);
    expect(readWebEnv({ ...base, EVALUATION_JUDGE_SAMPLES: "" }).EVALUATION_JUDGE_SAMPLES).toBe(3);
    expect(readWebEnv({ ...base, EVALUATION_JUDGE_SAMPLES: "5" }).EVALUATION_JUDGE_SAMPLES).toBe(5);
  });

  it("refuse an even number: the median must be one of the samples", () => {
    expect(() => readWebEnv({ ...base, EVALUATION_JUDGE_SAMPLES: "4" })).toThrow(/EVALUATION_JUDGE_SAMPLES: must be odd/);
    expect(() => readWebEnv({ ...base, EVALUATION_JUDGE_SAMPLES: "11" })).toThrow(/EVALUATION_JUDGE_SAMPLES/);
  });
});
