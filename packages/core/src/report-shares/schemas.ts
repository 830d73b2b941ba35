// Inputs of report sharing (docs/decisions/0142). No server code, so the report page's share
// form and the procedures use the same schemas.
import { z } from "zod";

/** The lifetimes a recruiter may choose for a share link, in days. */
export const SHARE_EXPIRY_DAYS = [1, 7, 30] as const;
export type ShareExpiryDays = (typeof SHARE_EXPIRY_DAYS)[number];

const sessionId = z.string().trim().min(1, "Missing session id.").max(64);

export const CreateReportShareInput = z.object({
  sessionId,
  expiresInDays: z.literal(SHARE_EXPIRY_DAYS, {
    error: `Choose how long the link works: ${SHARE_EXPIRY_DAYS.join(", ")} days.`,
  }),
});
export type CreateReportShareInput = z.infer<typeof CreateReportShareInput>;

export const ListReportSharesInput = z.object({ sessionId });
export type ListReportSharesInput = z.infer<typeof ListReportSharesInput>;

export const RevokeReportShareInput = z.object({ shareId: z.string().trim().min(1, "Missing share id.").max(64) });
export type RevokeReportShareInput = z.infer<typeof RevokeReportShareInput>;

/** Why a share link shows no report. */
export type ReportShareLinkProblem = "invalid" | "expired" | "revoked";

export const ReportShareTokenInput = z.object({ token: z.string().trim().min(1, "Missing link token.").max(1024) });
export type ReportShareTokenInput = z.infer<typeof ReportShareTokenInput>;
