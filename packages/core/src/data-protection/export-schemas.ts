// Inputs of the export procedures. No server code: pages and procedures share them.
import { z } from "zod";

export const CandidateExportInput = z.object({
  candidateId: z.string().trim().min(1, "Choose a candidate.").max(64, "That is not a candidate id."),
});
export type CandidateExportInput = z.infer<typeof CandidateExportInput>;

/** A "Your data" link or an emailed download link, as the URL carries it. */
export const DataLinkInput = z.object({
  token: z.string().trim().min(1, "This link is not valid.").max(1024, "This link is not valid."),
});
export type DataLinkInput = z.infer<typeof DataLinkInput>;
