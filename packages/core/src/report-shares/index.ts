export { createReportShare, listActiveReportShares, openSharedReport, revokeReportShare, type ReportShareRow, type SharedReport, type ShareDeps } from "./report-shares.ts";
export { ReportShareLinkError, reportShareProblemOf, type ReportShareLinkProblem } from "./errors.ts";
export { REPORT_SHARE_TOKEN_PURPOSE, readReportShareToken, reportShareUrl, signReportShareToken } from "./share-token.ts";
export * from "./schemas.ts";
