// Candidate data export (docs/decisions/0171): the rows, the archive, the links.
export { collectCandidateExport, EXPORT_COVERAGE, WITHHELD_FROM_CANDIDATE, type CandidateExport, type ExportAudience } from "./export-collect.ts";
export { candidateArchiveStream, exportFilename } from "./export-archive.ts";
export { candidateDataRequestUrl, DataLinkError, type DataLinkProblem } from "./export-links.ts";
export {
  exportCandidateForOrganization,
  exportCandidateForCandidate,
  requestCandidateDataExport,
  viewCandidateDataRequest,
  viewCandidateDataDownload,
  maskEmail,
  type DataRequestView,
} from "./export-service.ts";
export * from "./export-schemas.ts";
