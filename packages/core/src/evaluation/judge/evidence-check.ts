// Before a claim is shown, the server checks every piece of its evidence: a cited event must
// exist in this session's recording; a cited line range must lie inside that final file and
// its quote must be what those lines say (whitespace runs compared as one space). A claim
// with any failing piece is dropped and counted — never shown half-supported.
import type { Claim, Evidence } from "./judge-output.ts";

export interface EvidenceContext {
  /** seq → t (ms from the replay's origin) of every event of the session. */
  events: ReadonlyMap<number, number>;
  files: readonly { path: string; content: string }[];
}

export type VerifiedEvidence = { type: "event"; seq: number; t: number } | { type: "lines"; path: string; startLine: number; endLine: number; quote: string };

export interface VerifiedClaim {
  text: string;
  evidence: VerifiedEvidence[];
}

const MAX_CITED_LINES = 200;

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

export function verifyEvidence(evidence: Evidence, context: EvidenceContext): VerifiedEvidence | null {
  if (evidence.type === "event") {
    const t = context.events.get(evidence.seq);
    return t === undefined ? null : { type: "event", seq: evidence.seq, t };
  }
  const file = context.files.find((f) => f.path === evidence.path);
  if (!file) return null;
  const lines = file.content.split("\n");
  const { startLine, endLine } = evidence;
  if (startLine > endLine || endLine > lines.length || endLine - startLine >= MAX_CITED_LINES) return null;
  const quote = squash(evidence.quote);
  if (!quote || !squash(lines.slice(startLine - 1, endLine).join("\n")).includes(quote)) return null;
  return { type: "lines", path: file.path, startLine, endLine, quote: evidence.quote };
}

export function verifyClaims(claims: readonly Claim[], context: EvidenceContext): { kept: VerifiedClaim[]; dropped: number } {
  const kept: VerifiedClaim[] = [];
  let dropped = 0;
  for (const claim of claims) {
    const evidence = claim.evidence.map((e) => verifyEvidence(e, context));
    if (evidence.every((e): e is VerifiedEvidence => e !== null)) kept.push({ text: claim.text, evidence });
    else dropped++;
  }
  return { kept, dropped };
}
