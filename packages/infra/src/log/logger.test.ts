import { describe, expect, it } from "vitest";
import { createLogger, type LogLevel } from "./logger.ts";
import { newRequestId, requestIdFrom } from "./request-id.ts";

function capture(level?: LogLevel) {
  const lines: Array<{ level: LogLevel; line: Record<string, unknown> }> = [];
  const logger = createLogger({ service: "test" }, { level, now: () => new Date("2026-12-01T10:00:00.000Z"), write: (lvl, line) => lines.push({ level: lvl, line: JSON.parse(line) }) });
  return { logger, lines };
}

describe("the structured logger", () => {
  it("writes one JSON object per event with time, level, event and the base fields", () => {
    const { logger, lines } = capture();
    logger.info("room.started", { room: "r1", pending: 3 });
    expect(lines).toEqual([{ level: "info", line: { time: "2026-12-01T10:00:00.000Z", level: "info", event: "room.started", service: "test", room: "r1", pending: 3 } }]);
  });

  it("carries a child's fields on every line, beside the parent's", () => {
    const { logger, lines } = capture();
    logger.child({ requestId: "req-1" }).warn("sandbox.slow", { ms: 900 });
    expect(lines[0]?.line).toMatchObject({ service: "test", requestId: "req-1", event: "sandbox.slow", ms: 900, level: "warn" });
  });

  it("adds the fields of the moment (the request being served) to each line", () => {
    let requestId: string | undefined = "req-a";
    const lines: string[] = [];
    const logger = createLogger({}, { context: () => ({ requestId }), write: (_level, line) => lines.push(line) });
    logger.info("one");
    requestId = undefined;
    logger.info("two");
    expect(lines.map((line) => JSON.parse(line).requestId)).toEqual(["req-a", undefined]);
  });

  it("keeps what an error says (JSON.stringify alone writes {})", () => {
    const { logger, lines } = capture();
    logger.error("request.failed", { error: new Error("boom", { cause: new TypeError("inner") }) });
    expect(lines[0]?.line.error).toMatchObject({ name: "Error", message: "boom", cause: { name: "TypeError", message: "inner" } });
    expect(String((lines[0]?.line.error as { stack: string }).stack)).toMatch(/boom/);
  });

  it("drops lines below its level", () => {
    const { logger, lines } = capture("warn");
    logger.debug("a");
    logger.info("b");
    logger.warn("c");
    logger.error("d");
    expect(lines.map((entry) => entry.line.event)).toEqual(["c", "d"]);
  });
});

describe("request ids", () => {
  it("keeps an acceptable incoming id and replaces anything that could forge log text", () => {
    expect(requestIdFrom("0f8c1a2e-1111-4222-8333-944455556666")).toBe("0f8c1a2e-1111-4222-8333-944455556666");
    for (const hostile of ['x"}\n{"level":"error', "short", "a b c d e f g h", "x".repeat(200), "", null, undefined]) {
      const id = requestIdFrom(hostile);
      expect(id).not.toBe(hostile);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(newRequestId()).not.toBe(newRequestId());
  });
});
