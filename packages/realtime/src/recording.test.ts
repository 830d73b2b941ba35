import { describe, expect, it } from "vitest";
import { MAX_PAYLOAD_DEPTH, RecordingEventSchema } from "./recording.ts";

const event = { seq: 1, at: 1_700_000_000_000, type: "agent.tool", actor: "agent", payload: {} };

function nested(levels: number): Record<string, unknown> {
  let value: unknown = "bottom";
  for (let i = 1; i < levels; i++) value = i % 2 ? [value] : { inner: value };
  return { input: value };
}

describe("a recording event", () => {
  it(`takes any payload nested up to ${MAX_PAYLOAD_DEPTH} levels, and refuses deeper ones`, () => {
    expect(RecordingEventSchema.safeParse({ ...event, payload: nested(MAX_PAYLOAD_DEPTH) }).success).toBe(true);
    const deeper = RecordingEventSchema.safeParse({ ...event, payload: nested(MAX_PAYLOAD_DEPTH + 1) });
    expect(deeper.error?.issues[0]).toMatchObject({ path: ["payload"], message: `must not be nested more than ${MAX_PAYLOAD_DEPTH} levels deep` });
    // Far deeper than any stack: refused, not a crash.
    expect(RecordingEventSchema.safeParse({ ...event, payload: nested(200_000) }).success).toBe(false);
  });

  it("refuses what PostgreSQL would: a seq beyond integer, an actor with NUL or a lone surrogate", () => {
    expect(RecordingEventSchema.safeParse({ ...event, seq: 2_147_483_647 }).success).toBe(true);
    expect(RecordingEventSchema.safeParse({ ...event, seq: 2_147_483_648 }).success).toBe(false);
    expect(RecordingEventSchema.safeParse({ ...event, actor: "candidate:\u0000" }).success).toBe(false);
    expect(RecordingEventSchema.safeParse({ ...event, actor: "candidate:\ud800" }).success).toBe(false);
    expect(RecordingEventSchema.safeParse({ ...event, actor: "candidate:😀" }).success).toBe(true);
  });
});
