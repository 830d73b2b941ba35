// A page's refused call answers with the status the one map (packages/api errors.ts) gives its
// code — the same status the tRPC endpoint and the internal endpoints answer with.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { DomainError, type DomainErrorCode } from "@interviewlm/core";
import { toTRPCError } from "@interviewlm/api/errors";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { failureResponse, throwAsResponse, toActionFailure } from "./api.ts";

const CASES: [DomainErrorCode, number][] = [
  ["BAD_REQUEST", 400],
  ["UNAUTHORIZED", 401],
  ["FORBIDDEN", 403],
  ["NOT_FOUND", 404],
  ["CONFLICT", 409],
  ["PRECONDITION_FAILED", 412],
  ["TOO_MANY_REQUESTS", 429],
  ["UNAVAILABLE", 503],
];

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("nothing was thrown");
}

describe("a page's refused call", () => {
  it("carries the status of its code from the one map", () => {
    for (const [code, status] of CASES) {
      const failure = toActionFailure(toTRPCError(new DomainError(code, `refused: ${code}`)));
      expect(failure).toMatchObject({ ok: false, status, message: `refused: ${code}` });
    }
  });

  it("becomes a Response with that status and the procedure's message, for the error boundary", async () => {
    for (const [code, status] of CASES) {
      const response = thrown(() => throwAsResponse(toTRPCError(new DomainError(code, `refused: ${code}`))));
      expect(response).toBeInstanceOf(Response);
      expect((response as Response).status).toBe(status);
      expect(await (response as Response).text()).toBe(`refused: ${code}`);
    }
    const failure = toActionFailure(new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "broken" }));
    expect(failureResponse(failure).status).toBe(500);
  });

  it("rethrows anything that is not a refused call as it is", () => {
    const bug = new Error("a bug");
    expect(thrown(() => throwAsResponse(bug))).toBe(bug);
  });

  it("is never given a status by hand in a page: no other module maps a code to a number", () => {
    const appDir = fileURLToPath(new URL("..", import.meta.url));
    const sources = (readdirSync(appDir, { recursive: true }) as string[])
      .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
      .map((file) => join(appDir, file));
    // `code === "NOT_FOUND" ? 404 : …`, or a table keyed by tRPC codes.
    const handMade = /code\s*===\s*"[A-Z_]+"\s*\?\s*\d{3}|Record<TRPCError\["code"\]|Record<TRPC_ERROR_CODE_KEY/;
    const offenders = sources.filter((file) => handMade.test(readFileSync(file, "utf8"))).map((file) => relative(appDir, file));
    expect(offenders).toEqual([]);
  });
});
