import { describe, expect, it } from "vitest";
import { readOAuthEnv } from "./env.ts";
import { AuthConfigError } from "./errors.ts";

describe("readOAuthEnv", () => {
  it("configures no provider without client ids", () => {
    expect(readOAuthEnv({})).toEqual({ github: null, google: null, configured: [] });
  });

  it("uses the real provider endpoints by default", () => {
    const env = readOAuthEnv({ GITHUB_CLIENT_ID: "id", GITHUB_CLIENT_SECRET: "s", GOOGLE_CLIENT_ID: "gid", GOOGLE_CLIENT_SECRET: "gs" });
    expect(env.configured).toEqual(["github", "google"]);
    expect(env.github?.endpoints).toEqual({
      authorizationUrl: "https://github.com/login/oauth/authorize",
      tokenUrl: "https://github.com/login/oauth/access_token",
      userInfoUrl: "https://api.github.com/user",
      emailsUrl: "https://api.github.com/user/emails",
    });
    expect(env.google?.endpoints).toEqual({
      authorizationUrl: "https://accounts.google.com/o/oauth2/v2/auth",
      tokenUrl: "https://oauth2.googleapis.com/token",
      userInfoUrl: "https://openidconnect.googleapis.com/v1/userinfo",
      emailsUrl: null,
    });
  });

  it("points providers at other endpoints (a local test server)", () => {
    const env = readOAuthEnv({
      GITHUB_CLIENT_ID: "id",
      GITHUB_CLIENT_SECRET: "s",
      GITHUB_OAUTH_BASE_URL: "http://127.0.0.1:4000/",
      GITHUB_API_BASE_URL: "http://127.0.0.1:4000",
    });
    expect(env.github?.endpoints.tokenUrl).toBe("http://127.0.0.1:4000/login/oauth/access_token");
    expect(env.github?.endpoints.userInfoUrl).toBe("http://127.0.0.1:4000/user");
  });

  it("treats empty strings as unset", () => {
    expect(readOAuthEnv({ GITHUB_CLIENT_ID: "", GITHUB_CLIENT_SECRET: "" }).configured).toEqual([]);
  });

  it("names what is missing or malformed", () => {
    expect(() => readOAuthEnv({ GOOGLE_CLIENT_ID: "gid" })).toThrow(/GOOGLE_CLIENT_SECRET: required when GOOGLE_CLIENT_ID is set/);
    expect(() => readOAuthEnv({ GITHUB_API_BASE_URL: "not a url" })).toThrow(AuthConfigError);
  });
});
