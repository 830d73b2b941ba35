import { DomainError, type DomainErrorCode } from "@interviewlm/core";
import { StandardSchemaV1Error, TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { z } from "zod";

type Issue = { message: string; path?: ReadonlyArray<PropertyKey | { key: PropertyKey }> };

/** tRPC reports input validation failures as a StandardSchemaV1Error (zod 4 is a standard schema). */
export function isValidationError(cause: unknown): cause is { issues: readonly Issue[] } {
  return cause instanceof StandardSchemaV1Error || cause instanceof z.ZodError;
}

/**
 * The one place where domain errors get their transport meaning: a tRPC code here, and from
 * it (through tRPC's own table) the HTTP status every endpoint answers — tRPC procedures,
 * Remix pages and the rooms' internal endpoints alike.
 */
const codeMap: Record<DomainErrorCode, TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: codeMap[error.code], message: error.message, cause: error });
}

/**
 * The HTTP status a domain error answers with (BAD_REQUEST → 400, UNAVAILABLE → 503, …), or a
 * refused tRPC call — what a page's server caller throws — by the same table.
 */
export function httpStatusOf(error: DomainError | TRPCError): number {
  return getHTTPStatusCodeFromError(error instanceof DomainError ? toTRPCError(error) : error);
}

export interface ErrorShapeData {
  /** Per-field messages from input validation or from a domain rule. */
  fieldErrors: Record<string, string[]> | null;
  retryAfterSeconds: number | null;
}

/** Extracts per-field messages from a zod error or a domain error, for the error formatter. */
export function errorShapeData(cause: unknown): ErrorShapeData {
  if (isValidationError(cause)) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of cause.issues) {
      const path = (issue.path ?? []).map((p) => (typeof p === "object" && p !== null ? p.key : p));
      const key = path.length ? path.map(String).join(".") : "_form";
      (fieldErrors[key] ??= []).push(issue.message);
    }
    return { fieldErrors, retryAfterSeconds: null };
  }
  if (cause instanceof DomainError) {
    return { fieldErrors: cause.fieldErrors ?? null, retryAfterSeconds: cause.retryAfterSeconds ?? null };
  }
  return { fieldErrors: null, retryAfterSeconds: null };
}
