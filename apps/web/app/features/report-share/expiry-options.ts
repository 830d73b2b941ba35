import { SHARE_EXPIRY_DAYS } from "@interviewlm/core/report-shares/schemas";

export const EXPIRY_OPTIONS = SHARE_EXPIRY_DAYS.map((days) => ({ value: String(days), label: days === 1 ? "1 day" : `${days} days` }));
export const DEFAULT_EXPIRY_DAYS = "7";
