import { describe, expect, it } from "vitest";
import { ConnectionBudget, frameSize } from "./rate-limit.ts";

describe("ConnectionBudget", () => {
  const limits = { messages: { capacity: 3, refillPerSecond: 1 }, bytes: { capacity: 100, refillPerSecond: 10 } };

  it("is spent by too many messages, and refills with time", () => {
    const budget = new ConnectionBudget(limits, 0);
    expect([budget.spend(1, 0), budget.spend(1, 0), budget.spend(1, 0)]).toEqual([null, null, null]);
    expect(budget.spend(1, 0)).toBe("messages");
    expect(budget.spend(1, 1000)).toBeNull();
  });

  it("is spent by too many bytes, whatever the message count", () => {
    const budget = new ConnectionBudget(limits, 0);
    expect(budget.spend(60, 0)).toBeNull();
    expect(budget.spend(60, 0)).toBe("bytes");
    expect(new ConnectionBudget(limits, 0).spend(101, 0)).toBe("bytes");
  });

  it("measures strings, buffers and views", () => {
    expect(frameSize("abc")).toBe(3);
    expect(frameSize(new ArrayBuffer(7))).toBe(7);
    expect(frameSize(new Uint8Array(5))).toBe(5);
  });
});
