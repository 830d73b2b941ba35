// Error answers exactly as Resend's API writes them: HTTP status plus a JSON
// body `{ statusCode, name, message }` (https://resend.com/docs/api-reference/errors).

export interface ResendErrorBody {
  statusCode: number;
  name: string;
  message: string;
}

/** Failures a test can ask the server to answer with, by name. */
export const cannedResendErrors = {
  rate_limit: {
    statusCode: 429,
    name: "rate_limit_exceeded",
    message:
      "Too many requests. You can only make 2 requests per second. See rate limit response headers for more information. Or contact support to increase rate limit.",
  },
  daily_quota: {
    statusCode: 429,
    name: "daily_quota_exceeded",
    message: "You have reached your daily email sending quota.",
  },
  server_error: {
    statusCode: 500,
    name: "internal_server_error",
    message: "An unexpected error occurred.",
  },
  validation_error: {
    statusCode: 422,
    name: "validation_error",
    message:
      "Invalid `to` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.",
  },
  invalid_from_address: {
    statusCode: 403,
    name: "validation_error",
    message: "The interviewlm.local domain is not verified. Please, add and verify your domain on https://resend.com/domains",
  },
} as const satisfies Record<string, ResendErrorBody>;

export type CannedResendError = keyof typeof cannedResendErrors;

export const resendErrors = {
  missingApiKey: (): ResendErrorBody => ({
    statusCode: 401,
    name: "missing_api_key",
    message:
      "Missing API key in the authorization header. Include the following header 'Authorization: Bearer YOUR_API_KEY' in the request.",
  }),
  invalidApiKey: (): ResendErrorBody => ({ statusCode: 403, name: "invalid_api_key", message: "API key is invalid" }),
  notFound: (): ResendErrorBody => ({
    statusCode: 404,
    name: "not_found",
    message: "The requested endpoint does not exist.",
  }),
  methodNotAllowed: (): ResendErrorBody => ({
    statusCode: 405,
    name: "method_not_allowed",
    message: "Method is not allowed for the requested path.",
  }),
  missingField: (field: string): ResendErrorBody => ({
    statusCode: 422,
    name: "missing_required_field",
    message: `Missing \`${field}\` field.`,
  }),
  invalidAddress: (field: string): ResendErrorBody => ({
    statusCode: 422,
    name: "validation_error",
    message: `Invalid \`${field}\` field. The email address needs to follow the \`email@example.com\` or \`Name <email@example.com>\` format.`,
  }),
  invalidBody: (message: string): ResendErrorBody => ({ statusCode: 422, name: "validation_error", message }),
  invalidIdempotencyKey: (): ResendErrorBody => ({
    statusCode: 400,
    name: "invalid_idempotency_key",
    message: "The key must be between 1-256 chars.",
  }),
  idempotencyPayloadMismatch: (): ResendErrorBody => ({
    statusCode: 409,
    name: "invalid_idempotent_request",
    message:
      "Same idempotency key used with a different request payload. Change your idempotency key or don't change your payload.",
  }),
  idempotencyInProgress: (): ResendErrorBody => ({
    statusCode: 409,
    name: "concurrent_idempotent_requests",
    message: "Same idempotency key used while original request is still in progress. Try the request again later.",
  }),
};
