// What the fake providers remember: registered clients, users, issued codes and tokens.
import { randomBytes } from "node:crypto";
import type { OAuthProviderId } from "../oauth/types.ts";

export interface OAuthTestClient {
  clientId: string;
  clientSecret: string;
}

export interface GitHubTestEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

export interface GitHubTestUser {
  id: number;
  login: string;
  name?: string | null;
  emails: GitHubTestEmail[];
}

export interface GoogleTestUser {
  sub: string;
  email?: string;
  emailVerified?: boolean;
  name?: string;
}

export interface IssuedCode {
  provider: OAuthProviderId;
  clientId: string;
  redirectUri: string;
  userKey: string;
  scope: string;
  codeChallenge: string | null;
  codeChallengeMethod: "S256" | "plain" | null;
  expiresAt: number;
  used: boolean;
}

export interface IssuedToken {
  provider: OAuthProviderId;
  userKey: string;
  scope: string;
}

// Real providers expire codes after ~10 minutes.
const CODE_LIFETIME_MS = 10 * 60_000;

export class FakeProviderState {
  readonly githubUsers = new Map<string, GitHubTestUser>();
  readonly googleUsers = new Map<string, GoogleTestUser>();
  readonly codes = new Map<string, IssuedCode>();
  readonly tokens = new Map<string, IssuedToken>();
  readonly nextUser: Record<OAuthProviderId, string | null> = { github: null, google: null };
  readonly denyNext: Record<OAuthProviderId, boolean> = { github: false, google: false };

  constructor(readonly clients: Record<OAuthProviderId, OAuthTestClient>) {}

  addGitHubUser(user: GitHubTestUser): void {
    this.githubUsers.set(String(user.id), user);
  }

  addGoogleUser(user: GoogleTestUser): void {
    this.googleUsers.set(user.sub, user);
  }

  /**
   * The user the authorize endpoint signs in: the one set by setNextUser (used once), else
   * the one matching the request's hint (GitHub `login`, Google `login_hint`), else the first.
   */
  pickUser(provider: OAuthProviderId, hint: string | null): string | null {
    const chosen = this.nextUser[provider];
    this.nextUser[provider] = null;
    if (chosen) return chosen;
    if (provider === "github") {
      const users = [...this.githubUsers.values()];
      const hinted = hint ? users.find((u) => u.login === hint || u.emails.some((e) => e.email === hint)) : undefined;
      return String((hinted ?? users[0])?.id ?? "") || null;
    }
    const users = [...this.googleUsers.values()];
    const hinted = hint ? users.find((u) => u.email === hint || u.sub === hint) : undefined;
    return (hinted ?? users[0])?.sub ?? null;
  }

  takeDeny(provider: OAuthProviderId): boolean {
    const deny = this.denyNext[provider];
    this.denyNext[provider] = false;
    return deny;
  }

  issueCode(details: Omit<IssuedCode, "expiresAt" | "used">): string {
    const code = randomBytes(16).toString("hex");
    this.codes.set(code, { ...details, expiresAt: Date.now() + CODE_LIFETIME_MS, used: false });
    return code;
  }

  /** The code's grant if it exists, belongs to `provider` and is still fresh; marks it used. */
  redeemCode(provider: OAuthProviderId, code: string | null): IssuedCode | null {
    const issued = code ? this.codes.get(code) : undefined;
    if (!issued || issued.provider !== provider || issued.used || issued.expiresAt < Date.now()) return null;
    issued.used = true;
    return issued;
  }

  issueToken(provider: OAuthProviderId, userKey: string, scope: string): string {
    const prefix = provider === "github" ? "gho_" : "ya29.";
    const token = `${prefix}${randomBytes(18).toString("base64url")}`;
    this.tokens.set(token, { provider, userKey, scope });
    return token;
  }

  tokenFor(provider: OAuthProviderId, token: string | null): IssuedToken | null {
    const issued = token ? this.tokens.get(token) : undefined;
    return issued && issued.provider === provider ? issued : null;
  }

  checkClient(provider: OAuthProviderId, credentials: OAuthTestClient | null): boolean {
    const client = this.clients[provider];
    return credentials?.clientId === client.clientId && credentials.clientSecret === client.clientSecret;
  }
}
