import type { AppLoadContext } from "@remix-run/node";
import { serverApi } from "./api.ts";

/** The candidate's room pass (from the invite link) and where the room lives. */
export async function roomAccessForCandidate(request: Request, context: AppLoadContext, inviteToken: string) {
  const { api } = await serverApi(request, context);
  return api.interview.room({ token: inviteToken });
}
