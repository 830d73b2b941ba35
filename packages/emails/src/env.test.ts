import { describe, expect, it } from "vitest";
import { DEFAULT_EMAIL_FROM, readEmailEnv } from "./env.ts";

describe("readEmailEnv", () => {
  it("needs nothing: without a key mail stays in the outbox", () => {
    expect(readEmailEnv({})).toEqual({ EMAIL_FROM: DEFAULT_EMAIL_FROM });
  });

  it("treats empty values as unset", () => {
    expect(readEmailEnv({ RESEND_API_KEY: "", EMAIL_FROM: "", RESEND_BASE_URL: "" })).toEqual({ EMAIL_FROM: DEFAULT_EMAIL_FROM });
  });

  it("reads every setting", () => {
    expect(
      readEmailEnv({
        RESEND_API_KEY: "re_123",
        RESEND_BASE_URL: "http://127.0.0.1:4010",
        EMAIL_FROM: "Hiring <hiring@example.com>",
        RESEND_WEBHOOK_SECRET: "whsec_c2VjcmV0",
      }),
    ).toEqual({
      RESEND_API_KEY: "re_123",
      RESEND_BASE_URL: "http://127.0.0.1:4010",
      EMAIL_FROM: "Hiring <hiring@example.com>",
      RESEND_WEBHOOK_SECRET: "whsec_c2VjcmV0",
    });
  });

  it("names every invalid setting", () => {
    const read = () => readEmailEnv({ EMAIL_FROM: "nobody", RESEND_WEBHOOK_SECRET: "secret", RESEND_BASE_URL: "nope" });
    expect(read).toThrow(/EMAIL_FROM/);
    expect(read).toThrow(/RESEND_WEBHOOK_SECRET/);
    expect(read).toThrow(/RESEND_BASE_URL/);
  });
});
