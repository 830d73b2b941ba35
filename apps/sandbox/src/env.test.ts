import { describe, expect, it } from "vitest";
import { DEV_SERVICE_SECRET, loadEnv } from "./env.ts";

describe("sandbox service environment", () => {
  it("has development defaults: local provider on 127.0.0.1:4100 with the documented dev secret", () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ port: 4100, host: "127.0.0.1", provider: "local", serviceSecret: DEV_SERVICE_SECRET, usingDevSecret: true, allowWeakIsolation: false, idleTtlSeconds: 1800 });
    expect(env.dataDir).toMatch(/\.data\/sandbox$/);
  });

  it("requires a real secret in production and Modal credentials for the Modal provider", () => {
    expect(() => loadEnv({ NODE_ENV: "production" })).toThrow(/SANDBOX_SERVICE_SECRET: is required in production/);
    expect(() => loadEnv({ SANDBOX_SERVICE_SECRET: "short" })).toThrow(/at least 32 characters/);
    expect(() => loadEnv({ SANDBOX_PROVIDER: "modal" })).toThrow(/MODAL_TOKEN_ID: is required when SANDBOX_PROVIDER=modal[\s\S]*MODAL_TOKEN_SECRET/);
    const production = loadEnv({ NODE_ENV: "production", SANDBOX_SERVICE_SECRET: "x".repeat(40), SANDBOX_PORT: "5000", SANDBOX_ALLOW_WEAK_ISOLATION: "1" });
    expect(production).toMatchObject({ port: 5000, usingDevSecret: false, allowWeakIsolation: true });
  });

  it("lists every problem at once, across the service's own variables and the sandbox package's", () => {
    const read = () => loadEnv({ NODE_ENV: "production", SANDBOX_PORT: "99999", SANDBOX_PROVIDER: "modal", SANDBOX_ALLOW_WEAK_ISOLATION: "maybe" });
    expect(read).toThrow(/^The sandbox service's environment is not valid:/);
    for (const problem of [/SANDBOX_PORT: /, /SANDBOX_ALLOW_WEAK_ISOLATION: /, /SANDBOX_SERVICE_SECRET: is required in production/, /MODAL_TOKEN_ID: is required when SANDBOX_PROVIDER=modal/, /MODAL_TOKEN_SECRET: is required when SANDBOX_PROVIDER=modal/]) {
      expect(read).toThrow(problem);
    }
  });

  it("takes the previous secret during a rotation (empty means unset) and checks its length", () => {
    expect(loadEnv({ SANDBOX_SERVICE_SECRET_PREVIOUS: "p".repeat(40) }).previousServiceSecret).toBe("p".repeat(40));
    expect(loadEnv({ SANDBOX_SERVICE_SECRET_PREVIOUS: "" }).previousServiceSecret).toBeUndefined();
    expect(() => loadEnv({ SANDBOX_SERVICE_SECRET_PREVIOUS: "short" })).toThrow(/SANDBOX_SERVICE_SECRET_PREVIOUS: must be at least 32 characters/);
  });
});
