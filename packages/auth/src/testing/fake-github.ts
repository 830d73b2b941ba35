// GitHub's OAuth app endpoints as GitHub answers them — including its habit of reporting
// token errors with HTTP 200 and an `error` field.
import type { IncomingMessage, ServerResponse } from "node:http";
import { s256 } from "./pkce.ts";
import { bearerToken, clientCredentials, parseParams, readBody, redirect, sendJson, sendText } from "./http.ts";
import type { FakeProviderState } from "./state.ts";

const DOCS = "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors";

function authorize(state: FakeProviderState, url: URL, res: ServerResponse): void {
  const q = url.searchParams;
  if (q.get("client_id") !== state.clients.github.clientId) return sendText(res, 404, "Not Found: unknown client_id");
  const redirectUri = q.get("redirect_uri");
  if (!redirectUri) return sendText(res, 400, "redirect_uri is required by this test server");
  const target = new URL(redirectUri);
  const appState = q.get("state");
  if (appState) target.searchParams.set("state", appState);

  // Auto-approve: no login or consent page, so browser tests flow straight back to the app.
  if (state.takeDeny("github")) {
    target.searchParams.set("error", "access_denied");
    target.searchParams.set("error_description", "The user has denied your application access.");
    return redirect(res, target);
  }
  const userKey = state.pickUser("github", q.get("login"));
  if (!userKey) return sendText(res, 500, "No GitHub test user configured");
  const code = state.issueCode({
    provider: "github",
    clientId: state.clients.github.clientId,
    redirectUri,
    userKey,
    scope: q.get("scope") ?? "",
    codeChallenge: q.get("code_challenge"),
    codeChallengeMethod: q.get("code_challenge") ? (q.get("code_challenge_method") === "S256" ? "S256" : "plain") : null,
  });
  target.searchParams.set("code", code);
  redirect(res, target);
}

async function accessToken(state: FakeProviderState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const params = parseParams(req, await readBody(req));
  const wantsJson = (req.headers.accept ?? "").includes("json");
  // Without `Accept: application/json` GitHub answers form-encoded.
  const reply = (body: Record<string, string>): void => {
    if (wantsJson) return sendJson(res, 200, body);
    res.writeHead(200, { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8" });
    res.end(new URLSearchParams(body).toString());
  };

  if (!state.checkClient("github", clientCredentials(req, params))) {
    return reply({ error: "incorrect_client_credentials", error_description: "The client_id and/or client_secret passed are incorrect.", error_uri: DOCS });
  }
  const grant = state.redeemCode("github", params.get("code"));
  if (!grant) {
    return reply({ error: "bad_verification_code", error_description: "The code passed is incorrect or expired.", error_uri: DOCS });
  }
  const redirectUri = params.get("redirect_uri");
  if (redirectUri !== null && redirectUri !== grant.redirectUri) {
    return reply({ error: "redirect_uri_mismatch", error_description: "The redirect_uri MUST match the registered callback URL for this application.", error_uri: DOCS });
  }
  if (grant.codeChallenge) {
    const verifier = params.get("code_verifier");
    const expected = grant.codeChallengeMethod === "S256" && verifier ? s256(verifier) : verifier;
    if (expected !== grant.codeChallenge) {
      return reply({ error: "bad_verification_code", error_description: "The code_verifier does not match the code_challenge.", error_uri: DOCS });
    }
  }
  reply({ access_token: state.issueToken("github", grant.userKey, grant.scope), token_type: "bearer", scope: grant.scope.replace(/ /g, ",") });
}

function api(state: FakeProviderState, path: string, req: IncomingMessage, res: ServerResponse): void {
  const token = state.tokenFor("github", bearerToken(req));
  const user = token ? state.githubUsers.get(token.userKey) : undefined;
  if (!token || !user) return sendJson(res, 401, { message: "Bad credentials", documentation_url: "https://docs.github.com/rest", status: "401" });
  if (path === "/user") {
    const publicEmail = user.emails.find((e) => e.primary && e.verified)?.email ?? null;
    return sendJson(res, 200, {
      login: user.login,
      id: user.id,
      node_id: `U_${user.id}`,
      avatar_url: `https://avatars.githubusercontent.com/u/${user.id}`,
      type: "User",
      name: user.name ?? null,
      email: publicEmail,
    });
  }
  // GitHub only lists emails when the token carries user:email (or user).
  if (!/(^|[ ,])user(:email)?($|[ ,])/.test(token.scope)) {
    return sendJson(res, 404, { message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" });
  }
  sendJson(
    res,
    200,
    user.emails.map((e) => ({ email: e.email, primary: e.primary, verified: e.verified, visibility: e.primary ? "private" : null })),
  );
}

/** Handles the request if it is one of GitHub's; returns false otherwise. */
export async function handleGitHub(state: FakeProviderState, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  if (req.method === "GET" && url.pathname === "/login/oauth/authorize") authorize(state, url, res);
  else if (req.method === "POST" && url.pathname === "/login/oauth/access_token") await accessToken(state, req, res);
  else if (req.method === "GET" && (url.pathname === "/user" || url.pathname === "/user/emails")) api(state, url.pathname, req, res);
  else return false;
  return true;
}
