// Plain words for the dotted audit actions, and the categories the audit log filters by.
// Pure data (no server code) so the page and the CSV export describe rows the same way.

export const AUDIT_CATEGORIES = {
  user: "Sign-ins and accounts",
  session: "Sessions",
  member: "Members and invitations",
  organization: "Organization settings",
  assessment: "Assessments",
  candidate: "Candidates",
  interview: "Interviews",
  billing: "Billing",
  replay: "Replays",
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
  "candidate.invited": "Invited a candidate",
  "candidate.bulk_invited": "Invited candidates in bulk",
  "candidate.invitation_resent": "Resent a candidate's invitation",
  "candidate.reminded": "Reminded a candidate",
  "candidate.revoked": "Revoked a candidate's invitation",
  "interview.started": "Interview started",
  "interview.question_changed": "Interview moved to the next question",
  "interview.finished": "Interview finished",
  "billing.credits_adjusted": "Credits adjusted",
  "replay.probed": "Checked a replay",
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
