// The portal's system check fetches this for its "Code sandbox" line: the sandbox service
// runs a known-good test in the interview's language(s), so a broken sandbox shows here,
// before the candidate starts the clock — not as a terminal that never connects.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { serverApi, toActionFailure } from "~/.server/api";
import { PORTAL_HEADERS } from "~/features/candidates/portal/portal.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { api } = await serverApi(request, context);
  try {
    return Response.json(await api.portal.codeCheck({ token: params.token ?? "" }), { headers: PORTAL_HEADERS });
  } catch (error) {
    const failure = toActionFailure(error);
    return Response.json({ ok: false, detail: failure.message }, { status: failure.status, headers: PORTAL_HEADERS });
  }
}
