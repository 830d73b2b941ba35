// A member's download of everything held about one candidate (owners and admins: data:export).
// A POST, because releasing the archive is recorded in the audit log; the procedure checks the
// organisation and the permission before any byte is sent, so a refusal is a real 403/404.
import type { ActionFunctionArgs } from "@remix-run/node";
import { throwAsResponse } from "~/.server/api";
import { archiveResponse } from "~/.server/data-export";
import { requireVerifiedAuth } from "~/.server/session";

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const data = await api.dataExport.candidate({ candidateId: params.id ?? "" }).catch(throwAsResponse);
  return archiveResponse(context, data);
}
