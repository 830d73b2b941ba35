import type { OAuthEndpoints } from "./types.ts";

function join(base: string, path: string): string {
  return `${base.replace(/\/+$/, "")}${path}`;
}

export const GITHUB_OAUTH_BASE_URL = "https://github.com";
export const GITHUB_API_BASE_URL = "https://api.github.com";

/** GitHub's endpoints; the web base hosts authorize/token, the API base hosts /user. */
export function githubEndpoints(
  webBaseUrl: string = GITHUB_OAUTH_BASE_URL,
  apiBaseUrl: string = GITHUB_API_BASE_URL,
): OAuthEndpoints {
  return {
    authorizationUrl: join(webBaseUrl, "/login/oauth/authorize"),
    tokenUrl: join(webBaseUrl, "/login/oauth/access_token"),
    userInfoUrl: join(apiBaseUrl, "/user"),
    emailsUrl: join(apiBaseUrl, "/user/emails"),
  };
}

export const GOOGLE_ENDPOINTS: OAuthEndpoints = {
  authorizationUrl: "https://accounts.google.com/o/oauth2/v2/auth",
  tokenUrl: "https://oauth2.googleapis.com/token",
  userInfoUrl: "https://openidconnect.googleapis.com/v1/userinfo",
  emailsUrl: null,
};
