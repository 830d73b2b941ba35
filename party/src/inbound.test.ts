import { MAX_CLIENT_MESSAGE_BYTES } from "@interviewlm/realtime";
import { describe, expect, it } from "vitest";
import { parseClientMessage } from "./inbound.ts";
import { TokenBucket } from "./rate-limit.ts";

const roomy = () => new TokenBucket(1000, 1000);
const candidate = { role: "candidate", perms: [] } as const;
const reviewer = { role: "reviewer", perms: ["notes:write"] } as const;
const viewer = { role: "reviewer", perms: [] } as const;

describe("parseClientMessage", () => {
  it("accepts a contract message from a role allowed to send it", () => {
    expect(parseClientMessage(JSON.stringify({ type: "terminal.input", data: "ls\r" }), candidate, roomy())).toEqual({ ok: true, message: { type: "terminal.input", data: "ls\r" } });
    expect(parseClientMessage(JSON.stringify({ type: "note.add", text: " fine " }), reviewer, roomy())).toMatchObject({ ok: true, message: { text: "fine" } });
  });

  it("refuses binary, oversized, non-JSON, off-contract and other-role messages", () => {
    const code = (raw: string | ArrayBuffer, sender: Parameters<typeof parseClientMessage>[1] = candidate) => {
      const result = parseClientMessage(raw, sender, roomy());
      return result.ok ? "ok" : result.code;
    };
    expect(code(new ArrayBuffer(4))).toBe("not_text");
    expect(code(JSON.stringify({ type: "note.add", text: "é".repeat(MAX_CLIENT_MESSAGE_BYTES / 2) }), reviewer)).toBe("too_large");
    expect(code("{")).toBe("malformed");
    expect(code(JSON.stringify({ type: "terminal.resize", cols: 5, rows: 5 }))).toBe("invalid");
    expect(code(JSON.stringify({ type: "tests.run" }), reviewer)).toBe("forbidden");
    expect(code(JSON.stringify({ type: "note.add", text: "hi" }), candidate)).toBe("forbidden");
  });

  it("refuses a note from a reviewer whose token lacks notes:write (a viewer) and accepts it with the permission", () => {
    const note = JSON.stringify({ type: "note.add", text: "private" });
    expect(parseClientMessage(note, viewer, roomy())).toMatchObject({ ok: false, code: "forbidden", message: expect.stringContaining("notes:write") });
    expect(parseClientMessage(note, reviewer, roomy())).toMatchObject({ ok: true });
  });

  it("refuses once the connection's bucket is empty, and refills with time", () => {
    const bucket = new TokenBucket(2, 1, 0);
    const ping = JSON.stringify({ type: "ping", at: 1 });
    expect(parseClientMessage(ping, viewer, bucket, 0).ok).toBe(true);
    expect(parseClientMessage(ping, viewer, bucket, 0).ok).toBe(true);
    expect(parseClientMessage(ping, viewer, bucket, 0)).toMatchObject({ ok: false, code: "rate_limited" });
    expect(parseClientMessage(ping, viewer, bucket, 1000).ok).toBe(true);
  });
});
