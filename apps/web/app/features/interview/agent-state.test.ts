import type { AgentView, AgentWireEvent } from "@interviewlm/realtime";
import { describe, expect, it } from "vitest";
import { agentFromWelcome, applyAgentBudget, applyAgentEvent } from "./agent-state";

const view: AgentView = { available: true, reason: null, mode: "AGENT", helpLevel: "GUIDE", busy: false, budget: null, history: [] };
const t = "turn_1";
const fold = (events: AgentWireEvent[], start = agentFromWelcome(view)!) => events.reduce(applyAgentEvent, start);

describe("the assistant's conversation in the browser", () => {
  it("appends streamed deltas to one stretch of text and pairs tool starts with their results", () => {
    const state = fold([
      { kind: "turn_started", turnId: t, at: 1, questionPosition: 0, text: "fix it" },
      { kind: "text", turnId: t, delta: "Let me " },
      { kind: "text", turnId: t, delta: "look." },
      { kind: "tool_started", turnId: t, toolId: "tool_1", name: "edit_file", input: { path: "a.py" } },
      { kind: "tool_finished", turnId: t, toolId: "tool_1", name: "edit_file", output: "Edited", isError: false, durationMs: 4, edit: { path: "a.py", diff: "--- a.py\n+++ a.py\n-x\n+y", created: false } },
      { kind: "text", turnId: t, delta: "Done." },
    ]);
    expect(state.busy).toBe(true);
    expect(state.turns[0]!.items).toEqual([
      { kind: "text", text: "Let me look." },
      { kind: "tool", toolId: "tool_1", name: "edit_file", input: { path: "a.py" }, output: "Edited", isError: false, durationMs: 4, edit: { path: "a.py", diff: "--- a.py\n+++ a.py\n-x\n+y", created: false }, undone: false },
      { kind: "text", text: "Done." },
    ]);
    const ended = fold([{ kind: "turn_finished", turnId: t, outcome: "stopped", message: "Stopped." }, { kind: "edit_undone", toolId: "tool_1", path: "a.py" }], state);
    expect(ended.busy).toBe(false);
    expect(ended.turns[0]).toMatchObject({ outcome: "stopped", message: "Stopped." });
    expect(ended.turns[0]!.items[1]).toMatchObject({ undone: true });
  });

  it("rebuilds the same conversation from a welcome's history, and clears it on reset", () => {
    const history: AgentWireEvent[] = [
      { kind: "turn_started", turnId: t, at: 1, questionPosition: 0, text: "hi" },
      { kind: "text", turnId: t, delta: "Hello." },
      { kind: "turn_finished", turnId: t, outcome: "completed", message: null },
    ];
    const state = agentFromWelcome({ ...view, history })!;
    expect(state.turns).toHaveLength(1);
    expect(state.turns[0]!.items).toEqual([{ kind: "text", text: "Hello." }]);
    expect(applyAgentEvent(state, { kind: "reset", questionPosition: 1 }).turns).toEqual([]);
  });

  it("ignores events of a turn it never saw start, and takes budget updates", () => {
    const state = agentFromWelcome(view)!;
    expect(applyAgentEvent(state, { kind: "text", turnId: "unknown", delta: "x" })).toBe(state);
    const budget = { messagesLeftThisQuestion: 3, tokensLeft: 10, costLeftMicroUsd: 10, costMicroUsd: 5 };
    expect(applyAgentBudget(state, budget, true)).toMatchObject({ budget, busy: true });
    expect(applyAgentBudget(null, budget, true)).toBeNull();
  });
});
