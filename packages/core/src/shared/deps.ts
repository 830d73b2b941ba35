import type { PrismaClient } from "@interviewlm/db";

/** What every domain service needs from the outside world, passed explicitly. */
export interface CoreDeps {
  db: PrismaClient;
  /** Public base URL of the web app, used to build links in emails (no trailing slash). */
  appUrl: string;
  /** Server secret (≥ 32 chars) for signing links such as candidate invitations. */
  appSecret: string;
  /** Sender of the mail services queue (EMAIL_FROM); the emails package's default when unset. */
  emailFrom?: string;
  /** Injected so tests can move time; defaults to the wall clock. */
  now?: () => Date;
}

export const nowOf = (deps: Pick<CoreDeps, "now">): Date => (deps.now ? deps.now() : new Date());

/** The caller of an organisation-scoped operation, already authenticated and authorised. */
export interface OrgActor {
  userId: string;
  organizationId: string;
  role: "OWNER" | "ADMIN" | "MEMBER" | "VIEWER";
  ipAddress?: string | null;
}
