// The audit log's filters, categories and plain words for the dotted actions. No server
// code, so the page (its filter form) and the procedures share them.
import { z } from "zod";

export const AUDIT_CATEGORIES = {
  user: "Sign-ins and accounts",
  session: "Sessions",
  member: "Members and invitations",
  organization: "Organization settings",
  assessment: "Assessments",
  question: "Question bank",
  candidate: "Candidates",
  interview: "Interviews",
  billing: "Billing",
  replay: "Replays",
  report: "Shared reports",
  retention: "Data retention",
  platform: "Platform administration",
} as const;

export type AuditCategory = keyof typeof AUDIT_CATEGORIES;
export const AUDIT_CATEGORY_KEYS = Object.keys(AUDIT_CATEGORIES) as [AuditCategory, ...AuditCategory[]];

const ACTION_LABELS: Record<string, string> = {
  "user.signed_up": "Signed up",
  "user.logged_in": "Signed in",
  "user.logged_out": "Signed out",
  "user.login_failed": "Failed sign-in (wrong password)",
  "user.email_verified": "Verified their email address",
  "user.oauth_linked": "Linked a GitHub or Google sign-in",
  "user.password_reset_requested": "Asked for a password reset",
  "user.password_reset": "Reset their password",
  "user.password_changed": "Changed their password",
  "session.revoked": "Ended a session",
  "session.revoked_all": "Signed out everywhere",
  "member.invited": "Invited a member",
  "member.invitation_revoked": "Revoked an invitation",
  "member.joined": "Joined the organization",
  "member.role_changed": "Changed a member's role",
  "member.removed": "Removed a member",
  "member.left": "Left the organization",
  "organization.created": "Created the organization",
  "organization.updated": "Changed organization settings",
  "assessment.created": "Created an assessment",
  "assessment.updated": "Edited an assessment",
  "assessment.duplicated": "Duplicated an assessment",
  "assessment.archived": "Archived an assessment",
  "assessment.restored": "Restored an assessment",
  "question.generation_requested": "Asked Claude to generate a question",
  "question.generation_succeeded": "A generated question passed verification",
  "question.generation_rejected": "A generated question failed verification",
  "question.approved": "Approved a generated question",
  "candidate.invited": "Invited a candidate",
  "candidate.bulk_invited": "Invited candidates in bulk",
  "candidate.invitation_resent": "Resent a candidate's invitation",
  "candidate.reminded": "Reminded a candidate",
  "candidate.revoked": "Revoked a candidate's invitation",
  "candidate.exported": "Exported a candidate's data",
  "candidate.export_requested": "A candidate asked for a copy of their data",
  "candidate.erasure_requested": "Asked to erase a candidate's data",
  "candidate.erased": "Erased a candidate's data",
  "retention.dry_run": "Previewed the retention run",
  "retention.run": "Retention run erased expired candidates",
  "organization.deleted": "Deleted the organization",
  "candidate.decision_recorded": "Recorded a hiring decision",
  "interview.started": "Interview started",
  "interview.question_changed": "Interview moved to the next question",
  "interview.finished": "Interview finished",
  "billing.credits_adjusted": "Credits adjusted",
  "billing.checkout_started": "Started buying credits",
  "billing.credits_purchased": "Credits purchased",
  "billing.credits_refunded": "Credits refunded",
  "replay.probed": "Checked a replay",
  "report.shared": "Shared a report by link",
  "report.share_revoked": "Revoked a report's share link",
  "platform.admin_granted": "Granted platform administration",
  "platform.admin_revoked": "Revoked platform administration",
};

/** The plain-words label of a known action; an unknown one is shown as it is stored. */
export function describeAuditAction(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export function isAuditCategory(value: string): value is AuditCategory {
  return Object.hasOwn(AUDIT_CATEGORIES, value);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayString = (label: string) =>
  z.string().regex(DAY, `${label} must be a date (YYYY-MM-DD).`).refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), `${label} is not a real date.`);

export const ListAuditInput = z
  .object({
    category: z.enum(AUDIT_CATEGORY_KEYS, { error: "Choose one of the listed action categories." }).optional(),
    actorUserId: z.string().min(1).max(64).optional(),
    /** Inclusive whole days in UTC, so the page and the CSV agree whatever the viewer's zone. */
    from: dayString("From").optional(),
    to: dayString("To").optional(),
    cursor: z.string().min(1).max(64).optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, { message: "“From” must be on or before “To”.", path: ["to"] });
export type ListAuditInput = z.input<typeof ListAuditInput>;
