import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { OAuthError } from "../errors.ts";
import { startOAuthTestServer, type OAuthTestServer } from "../testing/index.ts";
import { createOAuthProvider, type OAuthProvider, type OAuthProviderId } from "./index.ts";

const REDIRECT_URI = "http://localhost:3000/auth/callback";

/** Plays the browser: follows the authorize URL to the provider and reads the code off the redirect. */
async function authorizeInBrowser(url: URL): Promise<URLSearchParams> {
  const response = await fetch(url, { redirect: "manual" });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("location") ?? "");
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
  return location.searchParams;
}

async function signIn(provider: OAuthProvider, tamper: { state?: string; codeVerifier?: string | null; code?: string } = {}) {
  const authorization = provider.createAuthorization();
  const callback = await authorizeInBrowser(authorization.url);
  return provider.handleCallback({
    code: tamper.code ?? callback.get("code") ?? "",
    state: tamper.state ?? callback.get("state") ?? "",
    storedState: authorization.state,
    codeVerifier: tamper.codeVerifier === undefined ? authorization.codeVerifier : tamper.codeVerifier,
  });
}

async function expectOAuthError(promise: Promise<unknown>, code: OAuthError["code"]): Promise<OAuthError> {
  const error = await promise.then(
    () => expect.fail(`expected OAuthError ${code}`),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OAuthError);
  expect((error as OAuthError).code).toBe(code);
  return error as OAuthError;
}

describe("OAuth against the local provider server", () => {
  let server: OAuthTestServer;
  const provider = (id: OAuthProviderId, overrides: { clientSecret?: string } = {}) =>
    createOAuthProvider(id, { ...server[id], redirectUri: REDIRECT_URI, ...overrides });

  beforeAll(async () => {
    server = await startOAuthTestServer({
      github: {
        users: [
          { id: 1001, login: "ada", name: "Ada Lovelace", emails: [{ email: "Ada@Example.com", primary: true, verified: true }] },
          {
            id: 1002,
            login: "mallory",
            name: null,
            emails: [
              { email: "victim@example.com", primary: true, verified: false },
              { email: "mallory@example.com", primary: false, verified: true },
            ],
          },
        ],
      },
      google: {
        users: [
          { sub: "g-1", email: "grace@example.com", emailVerified: true, name: "Grace Hopper" },
          { sub: "g-2", email: "unverified@example.com", emailVerified: false, name: "Un Verified" },
        ],
      },
    });
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    server.setNextUser("github", 1001);
    server.setNextUser("google", "g-1");
  });

  describe("GitHub", () => {
    it("builds an authorize URL on the configured endpoint with state, scopes and redirect", () => {
      const { url, state, codeVerifier } = provider("github").createAuthorization();
      expect(`${url.origin}${url.pathname}`).toBe(`${server.url}/login/oauth/authorize`);
      expect(url.searchParams.get("state")).toBe(state);
      expect(url.searchParams.get("client_id")).toBe(server.github.clientId);
      expect(url.searchParams.get("redirect_uri")).toBe(REDIRECT_URI);
      expect(url.searchParams.get("scope")).toBe("read:user user:email");
      expect(state.length).toBeGreaterThanOrEqual(43);
      expect(codeVerifier).toBeNull();
    });

    it("returns the profile with the primary verified email", async () => {
      expect(await signIn(provider("github"))).toEqual({
        provider: "github",
        providerAccountId: "1001",
        email: "ada@example.com",
        emailVerified: true,
        name: "Ada Lovelace",
      });
    });

    it("rejects a state that does not match the cookie", async () => {
      await expectOAuthError(signIn(provider("github"), { state: "forged-state" }), "state_mismatch");
    });

    it("rejects a callback when the state cookie is gone", async () => {
      const authorization = provider("github").createAuthorization();
      const callback = await authorizeInBrowser(authorization.url);
      await expectOAuthError(
        provider("github").handleCallback({ code: callback.get("code") ?? "", state: authorization.state, storedState: null, codeVerifier: null }),
        "state_mismatch",
      );
    });

    it("rejects a callback without a code (e.g. the person clicked Cancel)", async () => {
      server.denyNext("github");
      const authorization = provider("github").createAuthorization();
      const callback = await authorizeInBrowser(authorization.url);
      expect(callback.get("error")).toBe("access_denied");
      await expectOAuthError(
        provider("github").handleCallback({ code: callback.get("code") ?? "", state: callback.get("state") ?? "", storedState: authorization.state, codeVerifier: null }),
        "missing_code",
      );
    });

    it("refuses an account whose primary email is unverified, even with another verified address", async () => {
      server.setNextUser("github", 1002);
      const error = await expectOAuthError(signIn(provider("github")), "no_verified_email");
      expect(error.message).toContain("mallory");
    });

    it("can return the unverified primary email when the caller opts in", async () => {
      server.setNextUser("github", 1002);
      const p = provider("github");
      const authorization = p.createAuthorization();
      const callback = await authorizeInBrowser(authorization.url);
      const profile = await p.handleCallback({
        code: callback.get("code") ?? "",
        state: callback.get("state") ?? "",
        storedState: authorization.state,
        codeVerifier: null,
        allowUnverifiedEmail: true,
      });
      expect(profile).toMatchObject({ email: "victim@example.com", emailVerified: false, name: "mallory" });
    });

    it("reports GitHub's HTTP-200 token errors (reused code, wrong secret) as token_exchange_failed", async () => {
      const p = provider("github");
      const authorization = p.createAuthorization();
      const callback = await authorizeInBrowser(authorization.url);
      const params = { code: callback.get("code") ?? "", state: authorization.state, storedState: authorization.state, codeVerifier: null };
      await p.handleCallback(params);
      const reused = await expectOAuthError(p.handleCallback(params), "token_exchange_failed");
      expect(reused.message).toContain("bad_verification_code");

      const wrongSecret = await expectOAuthError(signIn(provider("github", { clientSecret: "nope" })), "token_exchange_failed");
      expect(wrongSecret.message).toContain("incorrect_client_credentials");
    });
  });

  describe("Google", () => {
    it("builds an authorize URL with PKCE S256", () => {
      const { url, state, codeVerifier } = provider("google").createAuthorization();
      expect(`${url.origin}${url.pathname}`).toBe(`${server.url}/o/oauth2/v2/auth`);
      expect(url.searchParams.get("state")).toBe(state);
      expect(url.searchParams.get("code_challenge_method")).toBe("S256");
      expect(url.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(url.searchParams.get("scope")).toBe("openid email profile");
      expect(codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it("returns the profile from the userinfo endpoint", async () => {
      expect(await signIn(provider("google"))).toEqual({
        provider: "google",
        providerAccountId: "g-1",
        email: "grace@example.com",
        emailVerified: true,
        name: "Grace Hopper",
      });
    });

    it("rejects a state that does not match the cookie", async () => {
      await expectOAuthError(signIn(provider("google"), { state: "forged-state" }), "state_mismatch");
    });

    it("rejects a PKCE verifier that does not match the challenge (token endpoint refuses)", async () => {
      const error = await expectOAuthError(signIn(provider("google"), { codeVerifier: "a".repeat(43) }), "token_exchange_failed");
      expect(error.message).toContain("invalid_grant");
    });

    it("rejects a callback whose PKCE verifier cookie is gone", async () => {
      await expectOAuthError(signIn(provider("google"), { codeVerifier: null }), "state_mismatch");
    });

    it("refuses an account whose email Google has not verified", async () => {
      server.setNextUser("google", "g-2");
      await expectOAuthError(signIn(provider("google")), "no_verified_email");
    });

    it("reports a wrong client secret as token_exchange_failed", async () => {
      const error = await expectOAuthError(signIn(provider("google", { clientSecret: "nope" })), "token_exchange_failed");
      expect(error.message).toContain("invalid_client");
    });

    it("reports an unreachable userinfo endpoint as profile_failed", async () => {
      const p = createOAuthProvider("google", {
        ...server.google,
        redirectUri: REDIRECT_URI,
        endpoints: { ...server.google.endpoints, userInfoUrl: `${server.url}/no-such-endpoint` },
      });
      await expectOAuthError(signIn(p), "profile_failed");
    });
  });
});
