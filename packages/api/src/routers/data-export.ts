// Candidate data export (docs/decisions/0171). `candidate` is a member's export (data:export,
// the active organisation's candidates only). The rest is the candidate's own request: public,
// authenticated by the signed "Your data" link or the emailed download link alone. The Remix
// routes turn what `candidate` and `download` answer into the ZIP archive.
import * as dataExport from "@interviewlm/core/data-protection/export";
import type { TRPCRouterRecord } from "@trpc/server";
import { orgProcedure, publicProcedure } from "../trpc.ts";

export const dataExportRouter = {
  /** Everything held about one candidate; audited as candidate.exported. A mutation: it is recorded. */
  candidate: orgProcedure("data:export")
    .input(dataExport.CandidateExportInput)
    .mutation(({ ctx, input }) => dataExport.exportCandidateForOrganization(ctx.deps, ctx.actor, input.candidateId)),
  /** The "Your data" page: whose data, and (masked) where the link will be sent. */
  requestView: publicProcedure.input(dataExport.DataLinkInput).query(({ ctx, input }) => dataExport.viewCandidateDataRequest(ctx.deps, input.token)),
  /** The candidate asks: a download link goes to their invited address (rate-limited, audited). */
  request: publicProcedure
    .input(dataExport.DataLinkInput)
    .mutation(({ ctx, input }) => dataExport.requestCandidateDataExport(ctx.deps, { token: input.token, ipAddress: ctx.meta.ipAddress })),
  /** The download page, before anything is released. */
  downloadView: publicProcedure.input(dataExport.DataLinkInput).query(({ ctx, input }) => dataExport.viewCandidateDataDownload(ctx.deps, input.token)),
  /** The candidate's own archive from the emailed link; audited with the candidate as actor. */
  download: publicProcedure
    .input(dataExport.DataLinkInput)
    .mutation(({ ctx, input }) => dataExport.exportCandidateForCandidate(ctx.deps, { token: input.token, ipAddress: ctx.meta.ipAddress })),
} satisfies TRPCRouterRecord;
