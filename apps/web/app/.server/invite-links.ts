// Candidate invite links as the candidate pages need them: which problem a refused link has
// (expired, revoked, …) and whether a token is one we signed. Pages reach the portal itself
// through tRPC; these two are about the credential, not the domain, so they live here.
import { inviteKeys, inviteLinkProblemOf, readInviteToken } from "@interviewlm/core/candidates";
import type { AppLoadContext } from "@remix-run/node";

/** The invite-link problem behind an error a portal procedure threw, or null. */
export const linkProblemOf = inviteLinkProblemOf;

/** Whether `token` is one we signed (no database read): enough for the reachability check. */
export async function isSignedInviteToken(context: AppLoadContext, token: string): Promise<boolean> {
  try {
    await readInviteToken(inviteKeys(context.services.deps), token);
    return true;
  } catch {
    return false;
  }
}
