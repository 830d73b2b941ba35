// The web app's one validated environment module (docs/conventions.md §3). Nothing else in
// apps/web reads process.env. Email and OAuth settings are validated by the modules
// of the packages that own them, and collected here so start-up fails in one place.
import { aiConfigFromEnv, type AiConfig } from "@interviewlm/ai";
import { readOAuthEnv, type OAuthEnv } from "@interviewlm/auth";
import { readEmailEnv, type EmailEnv } from "@interviewlm/emails";
import { z } from "zod";

const optional = z.string().trim().min(1).optional();
const flag = z
  .enum(["0", "1", "true", "false"])
  .optional()
  .transform((v) => v === "1" || v === "true");

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default("127.0.0.1"),
    /** Public URL of the app (links in emails, OAuth callbacks, allowed origin). */
    APP_URL: z.string().url().optional(),
    /**
     * Signs links such as candidate invitations. Required: `npm run dev` generates one into
     * .data/dev-secrets.json; production sets its own (e.g. `openssl rand -hex 32`).
     */
    APP_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -hex 32`)"),
    /** The sandbox service that holds candidates' workspaces. */
    SANDBOX_URL: z.string().url().default("http://127.0.0.1:4100"),
    /** Shared with the sandbox service and the rooms; without it interviews cannot start. */
    SANDBOX_SERVICE_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /** Where browsers reach the live interview rooms (the PartyKit server). */
    ROOM_PUBLIC_URL: z.string().url().default("http://localhost:1999"),
    /** Signs room tokens and the rooms' requests to this app; shared with the rooms (≥ 32 chars). */
    ROOM_TOKEN_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -hex 32`)"),
    /** Extra origins allowed to POST (comma-separated), e.g. a second domain. */
    ALLOWED_ORIGINS: z.string().optional(),
    /** Trust X-Forwarded-For from a reverse proxy for the client IP (rate limits, audit). */
    TRUST_PROXY: flag,
    DATABASE_URL: z.string().url().optional(),
    PGLITE_DATA_DIR: optional,
    /** Shows the dev mailbox even in production (never do this on a public deployment). */
    ENABLE_DEV_MAILBOX: flag,
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.SANDBOX_SERVICE_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SANDBOX_SERVICE_SECRET"], message: "is required in production (shared with the sandbox service)" });
    }
    if (env.NODE_ENV === "production" && !env.APP_URL) {
      ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "is required in production (the public https:// URL of the app)" });
    }
  });

export type WebEnv = z.infer<typeof EnvSchema> & { APP_URL: string; email: EmailEnv; oauth: OAuthEnv; ai: AiConfig };

export function readWebEnv(source: NodeJS.ProcessEnv = process.env): WebEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const problems: string[] = [];
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `  - ${i.path.join(".") || "(env)"}: ${i.message}`));
  const email = collect(() => readEmailEnv(source), problems);
  const oauth = collect(() => readOAuthEnv(source), problems);
  // The rooms run the agent; the web app only needs to know whether it is on, to say so.
  const ai = collect(() => aiConfigFromEnv(source), problems);
  if (!parsed.success || !email || !oauth || !ai) {
    throw new Error(`The web app's environment is not valid:\n${problems.join("\n")}\nSee .env.example for every variable.`);
  }
  const env = parsed.data;
  return { ...env, APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""), email, oauth, ai };
}

function collect<T>(read: () => T, problems: string[]): T | null {
  try {
    return read();
  } catch (error) {
    problems.push(String(error instanceof Error ? error.message : error));
    return null;
  }
}
