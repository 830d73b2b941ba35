import { DomainError, type DomainErrorCode } from "@interviewlm/core";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { httpStatusOf, toTRPCError } from "./errors.ts";

describe("the one map from domain errors to transports", () => {
  it("gives every domain error a tRPC code and the HTTP status that code stands for", () => {
    const expected: Record<DomainErrorCode, [string, number]> = {
      BAD_REQUEST: ["BAD_REQUEST", 400],
      UNAUTHORIZED: ["UNAUTHORIZED", 401],
      FORBIDDEN: ["FORBIDDEN", 403],
      NOT_FOUND: ["NOT_FOUND", 404],
      CONFLICT: ["CONFLICT", 409],
      PRECONDITION_FAILED: ["PRECONDITION_FAILED", 412],
      TOO_MANY_REQUESTS: ["TOO_MANY_REQUESTS", 429],
      UNAVAILABLE: ["SERVICE_UNAVAILABLE", 503],
    };
    for (const [code, [trpcCode, status]] of Object.entries(expected) as [DomainErrorCode, [string, number]][]) {
      const error = new DomainError(code, `a ${code} error`);
      expect(toTRPCError(error)).toMatchObject({ code: trpcCode, message: `a ${code} error`, cause: error });
      expect(httpStatusOf(error)).toBe(status);
      // A page's server caller throws the tRPC error; it answers with the same status.
      expect(httpStatusOf(toTRPCError(error))).toBe(status);
    }
  });

  it("answers a tRPC error no domain error produced by the same table", () => {
    expect(httpStatusOf(new TRPCError({ code: "INTERNAL_SERVER_ERROR" }))).toBe(500);
    expect(httpStatusOf(new TRPCError({ code: "PAYLOAD_TOO_LARGE" }))).toBe(413);
  });
});
