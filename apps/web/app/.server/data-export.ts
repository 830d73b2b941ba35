// The export archive as an HTTP download (docs/decisions/0171). The procedures decide whether
// the archive may be released (and record that it was); this adapter streams it: the rows they
// answered, then the final files and the recording read from the database as the client pulls.
import { candidateArchiveStream, exportFilename, type CandidateExport } from "@interviewlm/core/data-protection/export";
import type { AppLoadContext } from "@remix-run/node";
import "../../server/load-context.ts";

export function archiveResponse(context: AppLoadContext, data: CandidateExport): Response {
  return new Response(candidateArchiveStream(context.services.db.prisma, data), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${exportFilename(data)}"`,
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex, nofollow",
    },
  });
}
