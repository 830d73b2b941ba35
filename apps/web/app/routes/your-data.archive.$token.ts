// The candidate's own archive, from the download page's button. The procedure verifies the
// emailed link, limits downloads and records the export before any byte is sent.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { serverApi, throwAsResponse } from "~/.server/api";
import { archiveResponse } from "~/.server/data-export";

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await serverApi(request, context);
  const data = await api.dataExport.download({ token: params.token ?? "" }).catch(throwAsResponse);
  return archiveResponse(context, data);
}

/** Opened as a page (a copied URL): the download page, which has the button. */
export const loader = ({ params }: LoaderFunctionArgs) => redirect(`/your-data/download/${encodeURIComponent(params.token ?? "")}`);
