// Google's OAuth 2.0 / OpenID Connect endpoints: authorization code with PKCE, a token
// endpoint that checks code_verifier, an RS256-signed id_token (keys at /oauth2/v3/certs)
// and the userinfo endpoint.
import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { bearerToken, clientCredentials, parseParams, readBody, redirect, sendJson, sendText } from "./http.ts";
import { s256 } from "./pkce.ts";
import type { FakeProviderState } from "./state.ts";

export class FakeGoogleKeys {
  readonly kid = randomUUID();
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;

  constructor() {
    ({ privateKey: this.privateKey, publicKey: this.publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 }));
  }

  jwks(): unknown {
    return { keys: [{ ...this.publicKey.export({ format: "jwk" }), kid: this.kid, alg: "RS256", use: "sig" }] };
  }

  sign(claims: Record<string, unknown>): string {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const input = `${encode({ alg: "RS256", kid: this.kid, typ: "JWT" })}.${encode(claims)}`;
    return `${input}.${createSign("RSA-SHA256").update(input).sign(this.privateKey).toString("base64url")}`;
  }
}

function authorize(state: FakeProviderState, url: URL, res: ServerResponse): void {
  const q = url.searchParams;
  // Google shows an error page (no redirect) for an unknown client or a bad request.
  if (q.get("client_id") !== state.clients.google.clientId) return sendText(res, 401, "Error 401: invalid_client");
  const redirectUri = q.get("redirect_uri");
  if (!redirectUri) return sendText(res, 400, "Error 400: invalid_request (Missing required parameter: redirect_uri)");
  if (q.get("response_type") !== "code") return sendText(res, 400, "Error 400: unsupported_response_type");
  const challenge = q.get("code_challenge");
  const method = q.get("code_challenge_method") ?? (challenge ? "plain" : null);
  if (method !== null && method !== "S256" && method !== "plain") {
    return sendText(res, 400, "Error 400: invalid_request (Invalid code_challenge_method)");
  }

  const target = new URL(redirectUri);
  const appState = q.get("state");
  if (appState) target.searchParams.set("state", appState);
  // Auto-approve: no account chooser or consent screen.
  if (state.takeDeny("google")) {
    target.searchParams.set("error", "access_denied");
    return redirect(res, target);
  }
  const userKey = state.pickUser("google", q.get("login_hint"));
  if (!userKey) return sendText(res, 500, "No Google test user configured");
  const code = state.issueCode({
    provider: "google",
    clientId: state.clients.google.clientId,
    redirectUri,
    userKey,
    scope: q.get("scope") ?? "",
    codeChallenge: challenge,
    codeChallengeMethod: challenge ? (method as "S256" | "plain") : null,
  });
  target.searchParams.set("code", code);
  target.searchParams.set("scope", q.get("scope") ?? "");
  redirect(res, target);
}

async function token(state: FakeProviderState, keys: FakeGoogleKeys, issuer: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const params = parseParams(req, await readBody(req));
  const error = (status: number, code: string, description: string) =>
    sendJson(res, status, { error: code, error_description: description });

  if (!state.checkClient("google", clientCredentials(req, params))) return error(401, "invalid_client", "Unauthorized");
  if (params.get("grant_type") !== "authorization_code") return error(400, "unsupported_grant_type", "Invalid grant_type");
  const grant = state.redeemCode("google", params.get("code"));
  if (!grant) return error(400, "invalid_grant", "Malformed auth code.");
  if (params.get("redirect_uri") !== grant.redirectUri) return error(400, "redirect_uri_mismatch", "Bad Request");
  if (grant.codeChallenge) {
    const verifier = params.get("code_verifier");
    if (!verifier) return error(400, "invalid_grant", "Missing code verifier.");
    const computed = grant.codeChallengeMethod === "S256" ? s256(verifier) : verifier;
    if (computed !== grant.codeChallenge) return error(400, "invalid_grant", "Invalid code verifier.");
  }

  const user = state.googleUsers.get(grant.userKey);
  const now = Math.floor(Date.now() / 1000);
  const body: Record<string, unknown> = {
    access_token: state.issueToken("google", grant.userKey, grant.scope),
    expires_in: 3599,
    scope: grant.scope,
    token_type: "Bearer",
  };
  if (user && grant.scope.split(" ").includes("openid")) {
    body.id_token = keys.sign({
      iss: issuer,
      aud: grant.clientId,
      azp: grant.clientId,
      sub: user.sub,
      email: user.email,
      email_verified: user.emailVerified ?? false,
      name: user.name,
      iat: now,
      exp: now + 3600,
    });
  }
  sendJson(res, 200, body);
}

function userinfo(state: FakeProviderState, req: IncomingMessage, res: ServerResponse): void {
  const issued = state.tokenFor("google", bearerToken(req));
  const user = issued ? state.googleUsers.get(issued.userKey) : undefined;
  if (!issued || !user) {
    return sendJson(res, 401, { error: "invalid_request", error_description: "Invalid Credentials" }, {
      "WWW-Authenticate": 'Bearer realm="https://accounts.google.com/", error="invalid_token"',
    });
  }
  const scopes = issued.scope.split(" ");
  const info: Record<string, unknown> = { sub: user.sub };
  if (scopes.includes("email") && user.email) {
    info.email = user.email;
    info.email_verified = user.emailVerified ?? false;
  }
  if (scopes.includes("profile") && user.name) {
    info.name = user.name;
    const [given, ...family] = user.name.split(" ");
    info.given_name = given;
    if (family.length) info.family_name = family.join(" ");
  }
  sendJson(res, 200, info);
}

/** Handles the request if it is one of Google's; returns false otherwise. */
export async function handleGoogle(
  state: FakeProviderState,
  keys: FakeGoogleKeys,
  issuer: string,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  if (req.method === "GET" && url.pathname === "/o/oauth2/v2/auth") authorize(state, url, res);
  else if (req.method === "POST" && url.pathname === "/token") await token(state, keys, issuer, req, res);
  else if (req.method === "GET" && url.pathname === "/v1/userinfo") userinfo(state, req, res);
  else if (req.method === "GET" && url.pathname === "/oauth2/v3/certs") sendJson(res, 200, keys.jwks());
  else return false;
  return true;
}
