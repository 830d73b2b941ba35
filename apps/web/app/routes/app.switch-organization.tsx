import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { toActionFailure } from "~/.server/api";
import { formValues, requireVerifiedAuth, safeRedirectPath } from "~/.server/session";

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const values = formValues(await request.formData());
  try {
    await api.organization.switch({ organizationId: values.organizationId ?? "" });
  } catch (error) {
    const failure = toActionFailure(error);
    throw new Response(failure.message, { status: failure.code === "NOT_FOUND" ? 404 : 400 });
  }
  return redirect(safeRedirectPath(context, values.redirectTo, "/app"));
}

export const loader = () => redirect("/app");
