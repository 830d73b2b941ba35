import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { throwAsResponse } from "~/.server/api";
import { formValues, requireVerifiedAuth, safeRedirectPath } from "~/.server/session";

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const values = formValues(await request.formData());
  await api.organization.switch({ organizationId: values.organizationId ?? "" }).catch(throwAsResponse);
  return redirect(safeRedirectPath(context, values.redirectTo, "/app"));
}

export const loader = () => redirect("/app");
