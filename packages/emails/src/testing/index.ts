// Test helpers shared with the web app's end-to-end tests.
export {
  startResendTestServer,
  type AcceptedEmail,
  type InjectedFailure,
  type RecordedResendRequest,
  type ResendTestServer,
} from "./resend-server.ts";
export { cannedResendErrors, type CannedResendError, type ResendErrorBody } from "./resend-errors.ts";
export {
  buildResendEmailEvent,
  createWebhookSecret,
  signResendWebhook,
  type ResendEmailEventType,
  type SignedWebhook,
} from "./resend-webhooks.ts";
