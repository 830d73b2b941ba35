import type { Db } from "@interviewlm/db";
import { z } from "zod";
import { LANGUAGE_LABELS } from "../assessments/labels.ts";
import { verifyInviteToken, type VerifiedInvitation } from "../candidates/portal.ts";
import { DomainError } from "../shared/errors.ts";
import { runPool } from "../shared/pool.ts";
import type { InterviewDeps } from "./start-interview.ts";
import type { InterviewLanguage, WorkspacePort } from "./workspace-port.ts";

// Whether candidate code can run, asked of the sandbox service (a real test run there) before
// anything starts: by the portal's system check, and again by Start before the clock runs.

export const CandidateCodeCheckInput = z.object({ token: z.string().trim().min(10, "That link is incomplete.").max(2000) });

export interface CandidateCodeCheck {
  ok: boolean;
  /** What the candidate reads: what was checked, or what is wrong and what to do. */
  detail: string;
}

/** The candidate's words when code cannot run: what happened, that nothing started, what to do. */
export function codeCannotRunMessage(organizationName: string): string {
  return `Code cannot run in the interview sandbox right now, so the interview cannot start. Nothing has started and no time is counting. Try again in a few minutes; if this keeps happening, tell ${organizationName} that the coding sandbox is down.`;
}

/** True when a known-good test of `language` runs; an unreachable service is "no". */
export async function codeRuns(sandbox: WorkspacePort, language: InterviewLanguage): Promise<boolean> {
  const result = await sandbox.checkCodeRuns({ language }).catch(() => ({ ok: false }));
  return result.ok;
}

/** Refuses (UNAVAILABLE, the candidate's message) unless code of `language` runs. */
export async function requireCodeRuns(sandbox: WorkspacePort, language: InterviewLanguage, organizationName: string): Promise<void> {
  if (!(await codeRuns(sandbox, language))) throw new DomainError("UNAVAILABLE", codeCannotRunMessage(organizationName));
}

const CODE_CHECK_CONCURRENCY = 2;

/** The portal's system check: can the languages this candidate may get run? */
export async function checkCandidateCodeRuns(deps: InterviewDeps, token: string): Promise<CandidateCodeCheck> {
  const candidate = await verifyInviteToken(deps, token);
  const organizationName = candidate.organization.name;
  if (!deps.sandbox) return { ok: false, detail: codeCannotRunMessage(organizationName) };
  const languages = await candidateLanguages(deps.db, candidate);
  const sandbox = deps.sandbox;
  const started = Date.now();
  // Each check is a real build and test run with one CPU of its own: an assessment offering
  // every language would start them all at once and push the compiled ones past their time
  // limit on a small host. Two at a time keeps each within it; the service answers repeated
  // checks of a language from one run.
  const results: boolean[] = [];
  await runPool(languages, CODE_CHECK_CONCURRENCY, async (language, index) => {
    results[index] = await codeRuns(sandbox, language);
  });
  if (results.some((ok) => !ok)) return { ok: false, detail: codeCannotRunMessage(organizationName) };
  const names = languages.map((language) => LANGUAGE_LABELS[language]).join(", ");
  return { ok: true, detail: `${names} code ran in your sandbox (checked in ${Date.now() - started} ms).` };
}

/** The languages the interview may use: the first question's, or those the candidate may choose. */
async function candidateLanguages(db: Db, candidate: VerifiedInvitation): Promise<InterviewLanguage[]> {
  const assessment = await db.assessment.findUniqueOrThrow({
    where: { id: candidate.assessmentId },
    select: { questionSelection: true, languages: true, questions: { orderBy: { position: "asc" }, take: 1, select: { question: { select: { language: true } } } } },
  });
  const first = assessment.questions[0]?.question.language;
  return assessment.questionSelection === "MANUAL" && first ? [first] : assessment.languages;
}
