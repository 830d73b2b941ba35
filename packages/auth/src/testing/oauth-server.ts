// A local HTTP server speaking GitHub's and Google's real OAuth wire protocols, for
// integration and browser end-to-end tests (ARCHITECTURE: test doubles only at the network
// edge). Point the app at it with `server.env` (the GITHUB_* / GOOGLE_* variables that
// readOAuthEnv understands) or createOAuthProvider(id, { ...server.github, redirectUri }).
//
// The authorize endpoints AUTO-APPROVE: there is no login or consent page, the browser is
// redirected straight back to redirect_uri with a code. Which account "logs in" is the user
// chosen with setNextUser (used once), else the one named by GitHub's `login` / Google's
// `login_hint` parameter, else the first user. denyNext makes the next authorize redirect
// with error=access_denied, as when a person clicks "Cancel".
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { githubEndpoints } from "../oauth/endpoints.ts";
import type { OAuthEndpoints, OAuthProviderId } from "../oauth/types.ts";
import { handleGitHub } from "./fake-github.ts";
import { FakeGoogleKeys, handleGoogle } from "./fake-google.ts";
import { readBody, sendJson, sendText } from "./http.ts";
import { FakeProviderState, type GitHubTestUser, type GoogleTestUser, type OAuthTestClient } from "./state.ts";

export type { GitHubTestEmail, GitHubTestUser, GoogleTestUser, OAuthTestClient } from "./state.ts";

export interface OAuthTestServerOptions {
  /** Default 0: any free port. */
  port?: number;
  host?: string;
  github?: Partial<OAuthTestClient> & { users?: GitHubTestUser[] };
  google?: Partial<OAuthTestClient> & { users?: GoogleTestUser[] };
}

export interface OAuthTestProvider extends OAuthTestClient {
  endpoints: OAuthEndpoints;
}

export interface OAuthTestServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  github: OAuthTestProvider;
  google: OAuthTestProvider;
  /** Environment for an app process: GITHUB_CLIENT_ID, GITHUB_OAUTH_BASE_URL, GOOGLE_TOKEN_URL… */
  env: Record<string, string>;
  addGitHubUser(user: GitHubTestUser): void;
  addGoogleUser(user: GoogleTestUser): void;
  /** The next authorize of `provider` signs in this user (GitHub id or Google sub). */
  setNextUser(provider: OAuthProviderId, id: string | number): void;
  /** The next authorize of `provider` is refused with error=access_denied. */
  denyNext(provider: OAuthProviderId): void;
  close(): Promise<void>;
}

export const DEFAULT_GITHUB_USER: GitHubTestUser = {
  id: 583231,
  login: "octocat",
  name: "The Octocat",
  emails: [{ email: "octocat@example.com", primary: true, verified: true }],
};

export const DEFAULT_GOOGLE_USER: GoogleTestUser = {
  sub: "110169484474386276334",
  email: "grace@example.com",
  emailVerified: true,
  name: "Grace Hopper",
};

export async function startOAuthTestServer(options: OAuthTestServerOptions = {}): Promise<OAuthTestServer> {
  const state = new FakeProviderState({
    github: { clientId: options.github?.clientId ?? "test-github-client", clientSecret: options.github?.clientSecret ?? "test-github-secret" },
    google: {
      clientId: options.google?.clientId ?? "test-google-client.apps.googleusercontent.com",
      clientSecret: options.google?.clientSecret ?? "test-google-secret",
    },
  });
  for (const user of options.github?.users ?? [DEFAULT_GITHUB_USER]) state.addGitHubUser(user);
  for (const user of options.google?.users ?? [DEFAULT_GOOGLE_USER]) state.addGoogleUser(user);
  const keys = new FakeGoogleKeys();
  let issuer = "";

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", issuer || "http://localhost");
    (async () => {
      if (await handleGitHub(state, req, res, url)) return;
      if (await handleGoogle(state, keys, issuer, req, res, url)) return;
      // Cross-process control for browser tests whose app runs in another process.
      if (req.method === "POST" && url.pathname === "/__test/next-user") {
        const body = JSON.parse((await readBody(req)) || "{}") as { provider?: OAuthProviderId; id?: string | number };
        if ((body.provider !== "github" && body.provider !== "google") || body.id === undefined) {
          return sendJson(res, 400, { error: "provider and id are required" });
        }
        state.nextUser[body.provider] = String(body.id);
        return sendJson(res, 200, { ok: true });
      }
      sendText(res, 404, "Not Found");
    })().catch((error: unknown) => {
      if (!res.headersSent) sendText(res, 500, `Test OAuth server error: ${(error as Error).message}`);
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  issuer = `http://${address.includes(":") ? `[${address}]` : address}:${port}`;

  const github: OAuthTestProvider = { ...state.clients.github, endpoints: githubEndpoints(issuer, issuer) };
  const google: OAuthTestProvider = {
    ...state.clients.google,
    endpoints: {
      authorizationUrl: `${issuer}/o/oauth2/v2/auth`,
      tokenUrl: `${issuer}/token`,
      userInfoUrl: `${issuer}/v1/userinfo`,
      emailsUrl: null,
    },
  };

  return {
    url: issuer,
    github,
    google,
    env: {
      GITHUB_CLIENT_ID: github.clientId,
      GITHUB_CLIENT_SECRET: github.clientSecret,
      GITHUB_OAUTH_BASE_URL: issuer,
      GITHUB_API_BASE_URL: issuer,
      GOOGLE_CLIENT_ID: google.clientId,
      GOOGLE_CLIENT_SECRET: google.clientSecret,
      GOOGLE_AUTH_URL: google.endpoints.authorizationUrl,
      GOOGLE_TOKEN_URL: google.endpoints.tokenUrl,
      GOOGLE_USERINFO_URL: google.endpoints.userInfoUrl,
    },
    addGitHubUser: (user) => state.addGitHubUser(user),
    addGoogleUser: (user) => state.addGoogleUser(user),
    setNextUser: (provider, id) => {
      state.nextUser[provider] = String(id);
    },
    denyNext: (provider) => {
      state.denyNext[provider] = true;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
