// The parts of a callback every provider shares: state check, code exchange through
// arctic's OAuth2Client, and authenticated JSON reads of the provider's API.
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { ArcticFetchError, OAuth2RequestError, UnexpectedErrorResponseBodyError, UnexpectedResponseError, type OAuth2Client } from "arctic";
import { HttpError, requestJson } from "@interviewlm/infra/http";
import type { z } from "zod";
import { OAuthError } from "../errors.ts";
import type { OAuthCallbackParams } from "./types.ts";

const PROVIDER_TIMEOUT_MS = 10_000;

/** Refuses a callback whose state does not match the cookie (login CSRF), or that lacks a code. */
export function checkCallback(params: OAuthCallbackParams): void {
  const encoder = new TextEncoder();
  if (
    !params.storedState ||
    !params.state ||
    // Different lengths compare unequal without early exit on content.
    !constantTimeEqual(encoder.encode(params.state), encoder.encode(params.storedState))
  ) {
    throw new OAuthError("state_mismatch", "OAuth state does not match the one issued to this browser");
  }
  if (!params.code) throw new OAuthError("missing_code", "OAuth callback has no authorization code");
}

function describeTokenError(error: unknown): string {
  if (error instanceof OAuth2RequestError) return `${error.code}${error.description ? `: ${error.description}` : ""}`;
  if (error instanceof UnexpectedResponseError || error instanceof UnexpectedErrorResponseBodyError) {
    return `unexpected HTTP ${error.status}`;
  }
  if (error instanceof ArcticFetchError) return `network error (${String((error.cause as Error | undefined)?.message ?? error.cause)})`;
  return error instanceof Error ? error.message : String(error);
}

/** Exchanges the code for an access token; every failure becomes token_exchange_failed. */
export async function exchangeCode(
  client: OAuth2Client,
  tokenUrl: string,
  code: string,
  codeVerifier: string | null,
): Promise<string> {
  let data: object;
  try {
    data = (await client.validateAuthorizationCode(tokenUrl, code, codeVerifier)).data;
  } catch (error) {
    throw new OAuthError("token_exchange_failed", `Token exchange failed: ${describeTokenError(error)}`, { cause: error });
  }
  // GitHub answers errors such as bad_verification_code with HTTP 200, which arctic's
  // generic client takes for success.
  const record = data as Record<string, unknown>;
  if (typeof record.error === "string") {
    const description = typeof record.error_description === "string" ? `: ${record.error_description}` : "";
    throw new OAuthError("token_exchange_failed", `Token exchange failed: ${record.error}${description}`);
  }
  if (typeof record.access_token !== "string" || record.access_token === "") {
    throw new OAuthError("token_exchange_failed", "Token response has no access_token");
  }
  return record.access_token;
}

/** GET a provider API resource with the access token and parse it; failures are profile_failed. */
export async function fetchProviderJson<T>(
  url: string,
  accessToken: string,
  schema: z.ZodType<T>,
  headers: Record<string, string> = {},
): Promise<T> {
  try {
    // A profile read is a GET: the helper retries it through a provider's momentary 502/503.
    return await requestJson({ method: "GET", url, headers: { ...headers, Authorization: `Bearer ${accessToken}` }, schema, timeoutMs: PROVIDER_TIMEOUT_MS });
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    const why = error.failure === "contract" ? "returned an unexpected body" : error.failure === "status" ? `answered HTTP ${error.status}` : "could not be reached";
    throw new OAuthError("profile_failed", `${url} ${why}: ${error.message}`, { cause: error });
  }
}
