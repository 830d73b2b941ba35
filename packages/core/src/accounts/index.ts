export * from "./schemas.ts";
export { signUp } from "./sign-up.ts";
export { logIn, logOut } from "./log-in.ts";
export { verifyEmail, resendVerificationEmail, verificationUrl, EMAIL_VERIFICATION_TTL_MS } from "./email-verification.ts";
export { requestPasswordReset, resetPassword, changePassword, passwordResetUrl, PASSWORD_RESET_TTL_MS } from "./password.ts";
export { getProfile, updateProfile, listSessions, revokeSession, revokeAllSessions } from "./profile.ts";
export type { Profile, SessionSummary } from "./profile.ts";
export { signInWithOAuth } from "./oauth-sign-in.ts";
