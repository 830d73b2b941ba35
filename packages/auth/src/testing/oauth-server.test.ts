// The fake providers must behave like the real ones for the parts the app relies on,
// otherwise green tests would prove nothing.
import { createHash, createPublicKey, createVerify } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOAuthTestServer, type OAuthTestServer } from "./index.ts";

const REDIRECT = "http://localhost:3000/cb";

describe("local OAuth server", () => {
  let server: OAuthTestServer;
  beforeAll(async () => {
    server = await startOAuthTestServer();
    server.addGitHubUser({ id: 7, login: "hinted", emails: [{ email: "hinted@example.com", primary: true, verified: true }] });
  });
  afterAll(() => server?.close());

  async function githubCode(extra: Record<string, string> = {}): Promise<string> {
    const url = new URL(server.github.endpoints.authorizationUrl);
    url.search = new URLSearchParams({ client_id: server.github.clientId, redirect_uri: REDIRECT, state: "s", scope: "read:user user:email", ...extra }).toString();
    const response = await fetch(url, { redirect: "manual" });
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.searchParams.get("state")).toBe("s");
    return location.searchParams.get("code") ?? "";
  }

  it("GitHub: exchanges a code sent as JSON with client credentials in the body, and answers form-encoded without Accept: json", async () => {
    const code = await githubCode();
    const response = await fetch(server.github.endpoints.tokenUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ client_id: server.github.clientId, client_secret: server.github.clientSecret, code }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/x-www-form-urlencoded");
    const body = new URLSearchParams(await response.text());
    expect(body.get("access_token")).toMatch(/^gho_/);
    expect(body.get("token_type")).toBe("bearer");

    const user = await fetch(server.github.endpoints.userInfoUrl, { headers: { Authorization: `token ${body.get("access_token")}` } });
    expect(await user.json()).toMatchObject({ login: "octocat", id: 583231 });
    const denied = await fetch(server.github.endpoints.userInfoUrl, { headers: { Authorization: "Bearer wrong" } });
    expect(denied.status).toBe(401);
  });

  it("GitHub: picks the user named by the `login` hint", async () => {
    const code = await githubCode({ login: "hinted" });
    const token = await fetch(server.github.endpoints.tokenUrl, {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded", Authorization: `Basic ${Buffer.from(`${server.github.clientId}:${server.github.clientSecret}`).toString("base64")}` },
      body: new URLSearchParams({ code }).toString(),
    }).then((r) => r.json() as Promise<{ access_token: string }>);
    const emails = await fetch(server.github.endpoints.emailsUrl ?? "", { headers: { Authorization: `Bearer ${token.access_token}` } });
    expect(await emails.json()).toEqual([{ email: "hinted@example.com", primary: true, verified: true, visibility: "private" }]);
  });

  it("selects the next user over HTTP for browser tests running in another process", async () => {
    const control = await fetch(`${server.url}/__test/next-user`, { method: "POST", body: JSON.stringify({ provider: "github", id: 7 }) });
    expect(control.status).toBe(200);
    const code = await githubCode();
    const token = await fetch(server.github.endpoints.tokenUrl, {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ code, client_id: server.github.clientId, client_secret: server.github.clientSecret }).toString(),
    }).then((r) => r.json() as Promise<{ access_token: string }>);
    const user = await fetch(server.github.endpoints.userInfoUrl, { headers: { Authorization: `Bearer ${token.access_token}` } });
    expect(await user.json()).toMatchObject({ login: "hinted" });
  });

  it("Google: requires the code_verifier when a challenge was sent, and issues an RS256 id_token verifiable with its JWKS", async () => {
    const verifier = "v".repeat(50);
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const url = new URL(server.google.endpoints.authorizationUrl);
    url.search = new URLSearchParams({
      client_id: server.google.clientId,
      redirect_uri: REDIRECT,
      response_type: "code",
      scope: "openid email profile",
      state: "s",
      code_challenge: challenge,
      code_challenge_method: "S256",
    }).toString();
    const code = async () => new URL((await fetch(url, { redirect: "manual" })).headers.get("location") ?? "").searchParams.get("code") ?? "";
    const exchange = (params: Record<string, string>) =>
      fetch(server.google.endpoints.tokenUrl, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "authorization_code", redirect_uri: REDIRECT, client_id: server.google.clientId, client_secret: server.google.clientSecret, ...params }).toString(),
      });

    const missing = await exchange({ code: await code() });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: "invalid_grant", error_description: "Missing code verifier." });

    const ok = await exchange({ code: await code(), code_verifier: verifier });
    const tokens = (await ok.json()) as { id_token: string; access_token: string };
    const [header, payload, signature] = tokens.id_token.split(".") as [string, string, string];
    const jwks = (await fetch(`${server.url}/oauth2/v3/certs`).then((r) => r.json())) as { keys: Record<string, string>[] };
    const key = createPublicKey({ key: jwks.keys[0] as never, format: "jwk" });
    expect(createVerify("RSA-SHA256").update(`${header}.${payload}`).verify(key, Buffer.from(signature, "base64url"))).toBe(true);
    expect(JSON.parse(Buffer.from(payload, "base64url").toString())).toMatchObject({ iss: server.url, aud: server.google.clientId, sub: "110169484474386276334", email_verified: true });

    const info = await fetch(server.google.endpoints.userInfoUrl, { headers: { Authorization: `Bearer ${tokens.access_token}` } });
    expect(await info.json()).toMatchObject({ sub: "110169484474386276334", email: "grace@example.com", email_verified: true, name: "Grace Hopper" });
  });

  it("exposes the environment an app process needs to use it", () => {
    expect(server.env).toMatchObject({ GITHUB_OAUTH_BASE_URL: server.url, GITHUB_API_BASE_URL: server.url, GOOGLE_TOKEN_URL: `${server.url}/token` });
  });
});
