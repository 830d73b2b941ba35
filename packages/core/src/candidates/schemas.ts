// Inputs of the candidate procedures, shared by the API and the web forms. Only zod here:
// browsers import this module (`@interviewlm/core/candidates/schemas`).
import { z } from "zod";

const IdSchema = z.string().trim().min(1, "Missing id.").max(64, "That id is too long.");

export const CANDIDATE_STATUSES = ["INVITED", "OPENED", "STARTED", "COMPLETED", "EVALUATED", "EXPIRED", "REVOKED"] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/** The words recruiters read for each status: tables, filters, the dashboard. */
export const CANDIDATE_STATUS_LABELS = {
  INVITED: "Invited",
  OPENED: "Opened",
  STARTED: "In progress",
  COMPLETED: "Completed",
  EVALUATED: "Evaluated",
  EXPIRED: "Expired",
  REVOKED: "Revoked",
} as const satisfies Record<CandidateStatus, string>;

export const CandidateStatusSchema = z.enum(CANDIDATE_STATUSES, { error: "Choose a candidate status." });

/** Bulk files: enough for a hiring round, small enough to check in one request. */
export const BULK_MAX_ROWS = 500;
export const BULK_MAX_BYTES = 200 * 1024;

export const INVITE_EXPIRY_DEFAULT_DAYS = 7;

// Names end up in email subjects: one line, no control characters.
export const CandidateNameSchema = z
  .string({ error: "Enter the candidate's name" })
  .transform((value) => value.replace(/[\s\p{Cc}\p{Cf}]+/gu, " ").trim())
  .pipe(z.string().min(1, "Enter the candidate's name").max(100, "Use at most 100 characters for the name"));

export const CandidateEmailSchema = z
  .string({ error: "Enter the candidate's email address" })
  .trim()
  .toLowerCase()
  .min(1, "Enter the candidate's email address")
  .max(254, "Email addresses are at most 254 characters")
  .pipe(z.email("Enter a valid email address, like name@example.com"));

export const ExpiresInDaysSchema = z.coerce
  .number({ error: "Enter a number of days." })
  .int("Use a whole number of days.")
  .min(1, "Links must stay valid at least 1 day.")
  .max(30, "Links can stay valid at most 30 days.")
  .default(INVITE_EXPIRY_DEFAULT_DAYS);

export const InviteCandidateInput = z.object({
  assessmentId: IdSchema,
  name: CandidateNameSchema,
  email: CandidateEmailSchema,
  expiresInDays: ExpiresInDaysSchema,
});
export type InviteCandidateInput = z.input<typeof InviteCandidateInput>;

export const InviteCandidatesBulkInput = z.object({
  assessmentId: IdSchema,
  csv: z
    .string({ error: "Paste the CSV or choose a file." })
    .refine((text) => text.trim().length > 0, "Paste the CSV or choose a file.")
    .refine((text) => new TextEncoder().encode(text).length <= BULK_MAX_BYTES, `The file is larger than ${BULK_MAX_BYTES / 1024} KB.`),
  expiresInDays: ExpiresInDaysSchema,
});
export type InviteCandidatesBulkInput = z.input<typeof InviteCandidatesBulkInput>;

export const CandidateIdInput = z.object({ candidateId: IdSchema });

export const ResendInvitationInput = z.object({
  candidateId: IdSchema,
  expiresInDays: ExpiresInDaysSchema,
});

export const ListCandidatesInput = z.object({
  status: CandidateStatusSchema.optional(),
  assessmentId: IdSchema.optional(),
  query: z.string().trim().max(100, "Search for at most 100 characters.").optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListCandidatesInput = z.input<typeof ListCandidatesInput>;

export const CandidateCountsInput = z.object({ assessmentId: IdSchema.optional() }).default({});

export const InviteTokenInput = z.object({
  token: z.string().trim().min(1, "This link is not valid.").max(512, "This link is not valid."),
});
