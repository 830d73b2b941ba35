export type { BillingDeps } from "./config.ts";
export { applyCreditEntry, ensureCreditAccount, readCreditBalance, isAlreadyApplied } from "./ledger.ts";
export type { CreditEntryInput, CreditEntryKind, CreditCause, CreditBalance } from "./ledger.ts";
export { reserveInvitationCredit, settleReservation, releaseUnusedReservations, noCreditsLeft, isNoCreditsError, BILLING_PATH } from "./reservations.ts";
export { grantTrialCredits, TRIAL_CREDITS } from "./trial.ts";
export * from "./schemas.ts";
