// Action only: duplicates the assessment and opens the copy's edit page, where the
// recruiter usually renames it first.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { throwAsResponse } from "~/.server/api";
import { requireVerifiedAuth } from "~/.server/session";

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const copy = await api.assessments.duplicate({ assessmentId: params.id ?? "" }).catch(throwAsResponse);
  return redirect(`/app/assessments/${copy.id}/edit`);
}
