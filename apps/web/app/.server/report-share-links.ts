// Report share links as the public page needs them: which problem a refused link has (invalid,
// expired, revoked). The page reaches the report itself through tRPC; this is about the
// credential, like invite-links.ts.
import { reportShareProblemOf } from "@interviewlm/core/report-shares";

/** The share-link problem behind an error `reportShares.open` threw, or null. */
export const shareLinkProblemOf = reportShareProblemOf;
