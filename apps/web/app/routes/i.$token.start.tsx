// "Start the interview" on the candidate portal: creates the session and its sandbox
// workspace, then opens the interview page.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { serverApi, toActionFailure } from "~/.server/api";
import { formValues } from "~/.server/session";

export async function action({ request, context, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const { api } = await serverApi(request, context);
  const values = formValues(await request.formData());
  // The consent on the portal is required, not decorative: no consent, no recording.
  if (values.consent !== "yes") return redirect(`/i/${encodeURIComponent(token)}?start_error=CONSENT_REQUIRED`);
  const language = values.language === "python" || values.language === "javascript" || values.language === "typescript" || values.language === "go" || values.language === "java" || values.language === "ruby" || values.language === "cpp" || values.language === "rust" ? values.language : undefined;
  try {
    await api.interview.start({ token, language });
  } catch (error) {
    const failure = toActionFailure(error);
    return redirect(`/i/${encodeURIComponent(token)}?start_error=${encodeURIComponent(failure.code)}`);
  }
  return redirect(`/i/${encodeURIComponent(token)}/interview`);
}

export const loader = ({ params }: ActionFunctionArgs) => redirect(`/i/${encodeURIComponent(params.token ?? "")}`);
