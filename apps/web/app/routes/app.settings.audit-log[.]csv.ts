// The audit log as CSV (owners and admins): the rows the page's filters select, all pages,
// streamed newest first so a long trail never sits in memory at once.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { AUDIT_CSV_HEADER, auditCsvLine, csvLine } from "~/features/audit/csv";
import { auditFiltersFrom, auditListInput } from "~/features/audit/filters";
import { throwAsResponse } from "~/.server/api";
import { requireVerifiedAuth } from "~/.server/session";

const PAGE = 100;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const filters = auditFiltersFrom(new URL(request.url).searchParams);
  // The first page before any byte is sent: a refusal (403 for members, 400 for a bad
  // range) is then a proper status, not a half-written file.
  const first = await api.audit.list({ ...auditListInput(filters), limit: PAGE }).catch(throwAsResponse);
  const encoder = new TextEncoder();
  let page: typeof first | null = first;
  let headerSent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvLine(AUDIT_CSV_HEADER)));
        return;
      }
      if (!page) return controller.close();
      controller.enqueue(encoder.encode(page.items.map(auditCsvLine).join("")));
      page = page.nextCursor ? await api.audit.list({ ...auditListInput(filters, page.nextCursor), limit: PAGE }) : null;
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log-${day}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
