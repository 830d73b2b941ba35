export {
  startOAuthTestServer,
  DEFAULT_GITHUB_USER,
  DEFAULT_GOOGLE_USER,
  type OAuthTestServer,
  type OAuthTestServerOptions,
  type OAuthTestProvider,
  type GitHubTestUser,
  type GitHubTestEmail,
  type GoogleTestUser,
  type OAuthTestClient,
} from "./oauth-server.ts";
