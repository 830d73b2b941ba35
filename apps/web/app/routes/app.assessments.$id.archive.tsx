// Action only: archive (no new invitations) or restore, then back to where the button was.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { throwAsResponse } from "~/.server/api";
import { formValues, requireVerifiedAuth, safeRedirectPath } from "~/.server/session";

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const assessmentId = params.id ?? "";
  const values = formValues(await request.formData());
  if (values.intent !== "archive" && values.intent !== "restore") {
    throw new Response(`Unknown action "${values.intent ?? ""}": use archive or restore.`, { status: 400, statusText: "Invalid request" });
  }
  const change = values.intent === "archive" ? api.assessments.archive({ assessmentId }) : api.assessments.restore({ assessmentId });
  await change.catch(throwAsResponse);
  return redirect(safeRedirectPath(context, values.redirectTo, `/app/assessments/${assessmentId}`));
}
