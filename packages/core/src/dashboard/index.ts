export { getDashboard, CANDIDATE_STATUSES, type DashboardSummary, type CandidateStatusName } from "./dashboard.ts";
