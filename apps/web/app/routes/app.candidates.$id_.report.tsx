// /app/candidates/:id/report → the evaluation report of that candidate's session, so lists of
// candidates can link to a report without knowing session ids.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { throwAsResponse } from "~/.server/api";
import { requireVerifiedAuth } from "~/.server/session";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const session = await api.replay.forCandidate({ candidateId: params.id ?? "" }).catch(throwAsResponse);
  if (!session) throw new Response("This candidate has not started their interview, so there is no report yet.", { status: 404, statusText: "Not Found" });
  return redirect(`/app/sessions/${encodeURIComponent(session.sessionId)}/report`);
}
