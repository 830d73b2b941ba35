// The form actions the candidates page and the assessment page share: invite one, bulk
// invite from a CSV (file or pasted), resend, remind, revoke. Each is one tRPC call;
// failures come back as data for the form, never as thrown responses.
import type { BulkInviteReport } from "@interviewlm/core/candidates";
import { BULK_MAX_BYTES } from "@interviewlm/core/candidates/schemas";
import { toActionFailure, type ActionFailure, type serverApi } from "~/.server/api";

type Api = Awaited<ReturnType<typeof serverApi>>["api"];

export const CANDIDATE_INTENTS = ["invite", "invite-bulk", "resend", "remind", "revoke"] as const;
export type CandidateIntent = (typeof CANDIDATE_INTENTS)[number];

export type CandidateActionResult =
  | { ok: true; intent: CandidateIntent; message: string; candidateId: string | null; report: BulkInviteReport | null }
  | (ActionFailure & { intent: string; candidateId: string | null; values: Record<string, string> });

// Room for the CSV plus the multipart envelope and the other fields.
const MAX_BODY_BYTES = BULK_MAX_BYTES + 64 * 1024;

function failure(intent: string, message: string, values: Record<string, string> = {}, fieldErrors: Record<string, string[]> | null = null): CandidateActionResult {
  return { ok: false, code: "BAD_REQUEST", status: 400, message, fieldErrors, retryAfterSeconds: null, intent, candidateId: null, values };
}

async function readForm(request: Request): Promise<{ values: Record<string, string>; file: File | null } | null> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) return null;
  const form = await request.formData();
  const values: Record<string, string> = {};
  let file: File | null = null;
  for (const [key, value] of form) {
    if (typeof value === "string") values[key] = value;
    else if (key === "csvFile" && value.size > 0) file = value;
  }
  return { values, file };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Runs the intent named in the form. `assessmentId` pins invites to the page's assessment. */
export async function handleCandidateAction(api: Api, request: Request, assessmentId?: string): Promise<CandidateActionResult> {
  const form = await readForm(request);
  if (!form) return failure("invite-bulk", `The upload is larger than ${BULK_MAX_BYTES / 1024} KB. Split the file and try again.`);
  const { values, file } = form;
  const intent = values.intent ?? "";
  const candidateId = values.candidateId ?? "";
  const expiresInDays = values.expiresInDays ? Number(values.expiresInDays) : undefined;
  const done = (message: string, extra: { candidateId?: string; report?: BulkInviteReport } = {}): CandidateActionResult => ({
    ok: true,
    intent: intent as CandidateIntent,
    message,
    candidateId: extra.candidateId ?? null,
    report: extra.report ?? null,
  });
  try {
    switch (intent) {
      case "invite": {
        const invited = await api.candidates.invite({ assessmentId: assessmentId ?? values.assessmentId ?? "", name: values.name ?? "", email: values.email ?? "", expiresInDays });
        return done(`Invitation sent to ${invited.email}.`, { candidateId: invited.id });
      }
      case "invite-bulk": {
        const csv = file ? await file.text() : (values.csv ?? "");
        const report = await api.candidates.inviteBulk({ assessmentId: assessmentId ?? values.assessmentId ?? "", csv, expiresInDays });
        const { invited, invalid, duplicate, no_credits: noCredits } = report.counts;
        const beyond = noCredits > 0 ? ` ${plural(noCredits, "row", "rows")} not invited: no credits left.` : "";
        const message = `${plural(invited, "invitation", "invitations")} sent; ${plural(invalid, "row", "rows")} invalid, ${plural(duplicate, "duplicate", "duplicates")}.${beyond}`;
        return done(message, { report });
      }
      case "resend": {
        const c = await api.candidates.resend({ candidateId, expiresInDays });
        return done(`A new link was sent to ${c.email}. Older links no longer work.`, { candidateId });
      }
      case "remind": {
        const c = await api.candidates.remind({ candidateId });
        return done(`Reminder sent to ${c.email}.`, { candidateId });
      }
      case "revoke": {
        const c = await api.candidates.revoke({ candidateId });
        return done(`The invitation for ${c.email} was revoked. Their link no longer works.`, { candidateId });
      }
      default:
        return failure(intent, `Unknown action "${intent}".`);
    }
  } catch (error) {
    // The values go back so the form keeps what was typed or pasted (an uploaded file cannot be refilled).
    return { ...toActionFailure(error), intent, candidateId: candidateId || null, values };
  }
}
