/** The caller asked for an email that cannot be built: unknown template, bad address or props. */
export class EmailInputError extends Error {
  override readonly name = "EmailInputError";
  constructor(
    readonly template: string,
    readonly issues: string[],
  ) {
    super(`Invalid email "${template}": ${issues.join("; ")}`);
  }
}

/** A webhook request that must be refused (answer 400): bad or missing signature, stale timestamp, bad JSON. */
export class ResendWebhookVerificationError extends Error {
  override readonly name = "ResendWebhookVerificationError";
}
