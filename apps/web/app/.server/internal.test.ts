import { DomainError, type DomainErrorCode } from "@interviewlm/core";
import { signInternalRequest } from "@interviewlm/realtime";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { answerInternal } from "./internal.ts";

const SECRET = "internal-test-secret-0123456789abcdefghijklmnopqrstuv";
const PATH = "/internal/rooms/sess_1/finish";

async function signed(body: string, secret = SECRET) {
  return { method: "POST", path: PATH, body, headers: new Headers(await signInternalRequest(secret, { method: "POST", path: PATH, body })) };
}

const Schema = z.object({ reason: z.enum(["candidate", "timeout"]) });

describe("answering an internal request", () => {
  it("runs the handler with the parsed body and answers its result", async () => {
    expect(await answerInternal(SECRET, await signed('{"reason":"timeout"}'), Schema, async (body) => ({ got: body.reason }))).toEqual({ status: 200, body: { got: "timeout" } });
  });

  it("refuses a request signed with another secret, or for another path, with 401 and never runs the handler", async () => {
    let ran = false;
    const handle = async () => (ran = true);
    const other = await signed('{"reason":"timeout"}', "another-secret-0123456789abcdefghijklmnopqrstuvw");
    expect(await answerInternal(SECRET, other, Schema, handle)).toMatchObject({ status: 401, body: { error: { code: "UNAUTHORIZED" } } });
    const moved = { ...(await signed('{"reason":"timeout"}')), path: "/internal/rooms/sess_2/finish" };
    expect(await answerInternal(SECRET, moved, Schema, handle)).toMatchObject({ status: 401 });
    expect(ran).toBe(false);
  });

  it("answers 400 for a body that is not JSON or not the contract, naming at most five fields", async () => {
    expect(await answerInternal(SECRET, await signed("{nope"), Schema, async () => null)).toEqual({ status: 400, body: { error: { code: "BAD_REQUEST", message: "The body is not JSON." } } });
    const Many = z.object({ items: z.array(z.number()) });
    const reply = await answerInternal(SECRET, await signed(JSON.stringify({ items: Array.from({ length: 8 }, (_, i) => `x${i}`) })), Many, async () => null);
    expect(reply.status).toBe(400);
    const message = (reply.body as { error: { message: string } }).error.message;
    expect(message).toMatch(/^items\.0: .+; items\.4: [^;]+; and 3 more$/);
  });

  it("answers each domain error with its status from the one map, and anything else with 500", async () => {
    const cases: [DomainErrorCode, number][] = [["BAD_REQUEST", 400], ["NOT_FOUND", 404], ["CONFLICT", 409], ["PRECONDITION_FAILED", 412], ["TOO_MANY_REQUESTS", 429], ["UNAVAILABLE", 503]];
    for (const [code, status] of cases) {
      const reply = await answerInternal(SECRET, await signed('{"reason":"timeout"}'), Schema, async () => {
        throw new DomainError(code, `refused: ${code}`);
      });
      expect(reply).toEqual({ status, body: { error: { code, message: `refused: ${code}` } } });
    }
    // The details go to the log, not to the caller.
    const logged: Array<[string, Record<string, unknown> | undefined]> = [];
    const log = { error: (event: string, fields?: Record<string, unknown>) => void logged.push([event, fields]) };
    const reply = await answerInternal(
      SECRET,
      await signed('{"reason":"timeout"}'),
      Schema,
      async () => {
        throw new Error("database on fire");
      },
      log,
    );
    expect(reply).toEqual({ status: 500, body: { error: { code: "INTERNAL", message: "The request failed; retry later." } } });
    expect(logged).toEqual([["internal.failed", { method: "POST", path: "/internal/rooms/sess_1/finish", error: expect.objectContaining({ message: "database on fire" }) }]]);
  });
});
