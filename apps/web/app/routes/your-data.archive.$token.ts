// The candidate's own archive, from the download page's button. The procedure verifies the
// emailed link, limits downloads and records the export before any byte is sent.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { serverApi, toActionFailure } from "~/.server/api";
import { archiveResponse } from "~/.server/data-export";

export async function action({ request, context, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const { api } = await serverApi(request, context);
  try {
    return archiveResponse(context, await api.dataExport.download({ token }));
  } catch (error) {
    // Back to the page, which explains it (an expired or unknown link gets its own page there).
    const failure = toActionFailure(error);
    const retry = failure.retryAfterSeconds ? `&retry=${failure.retryAfterSeconds}` : "";
    return redirect(`/your-data/download/${encodeURIComponent(token)}?error=${encodeURIComponent(failure.code)}${retry}`);
  }
}

/** Opened as a page (a copied URL): the download page, which has the button. */
export const loader = ({ params }: LoaderFunctionArgs) => redirect(`/your-data/download/${encodeURIComponent(params.token ?? "")}`);
