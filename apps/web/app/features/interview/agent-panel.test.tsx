// @vitest-environment jsdom
import "./dom-test-setup";
import type { AgentWireEvent } from "@interviewlm/realtime";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { AgentPanel } from "./agent-panel";
import { agentFromWelcome, type AgentPanelState } from "./agent-state";

const budget = { messagesLeftThisQuestion: 5, tokensLeft: 1000, costLeftMicroUsd: 1000, costMicroUsd: 2600 };
const history: AgentWireEvent[] = [
  { kind: "turn_started", turnId: "t1", at: 1, questionPosition: 0, text: "Fix add" },
  { kind: "text", turnId: "t1", delta: "Here:\n\n```python\ndef add(a, b):\n    return a + b\n```\n\n<img src=x onerror=alert(1)>" },
  { kind: "tool_started", turnId: "t1", toolId: "tool_1", name: "edit_file", input: { path: "calc.py" } },
  { kind: "tool_finished", turnId: "t1", toolId: "tool_1", name: "edit_file", output: "Edited", isError: false, durationMs: 4, edit: { path: "calc.py", diff: "--- calc.py\n+++ calc.py\n-    return a - b\n+    return a + b", created: false } },
  { kind: "turn_finished", turnId: "t1", outcome: "completed", message: null },
];

function agent(overrides: Partial<AgentPanelState> = {}, events = history): AgentPanelState {
  return { ...agentFromWelcome({ available: true, reason: null, mode: "AGENT", helpLevel: "GUIDE", busy: false, budget, history: events })!, ...overrides };
}

describe("the AI assistant panel", () => {
  it("shows the conversation with highlighted code, escaped HTML, and the edit's diff with Undo for the candidate", async () => {
    const send = vi.fn(() => true);
    const { container } = render(<AgentPanel agent={agent()} viewer="candidate" connected send={send} lastError={null} />);
    expect(screen.getByText("Fix add")).toBeTruthy();
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("pre code .tok-keyword")?.textContent).toBe("def");
    const changes = screen.getByLabelText("Changes");
    expect(changes.textContent).toContain("removed: -    return a - b");
    expect(changes.textContent).toContain("added: +    return a + b");
    await userEvent.click(screen.getByRole("button", { name: "Undo this edit" }));
    expect(send).toHaveBeenCalledWith({ type: "agent.undo", toolId: "tool_1" });
    expect(screen.getByText("5 messages left")).toBeTruthy();
  });

  it("sends with Enter, keeps Shift+Enter for new lines, and offers Stop while the assistant works", async () => {
    const send = vi.fn(() => true);
    const { rerender } = render(<AgentPanel agent={agent()} viewer="candidate" connected send={send} lastError={null} />);
    const box = screen.getByRole("textbox", { name: "Message the AI assistant" });
    await userEvent.type(box, "line one{Shift>}{Enter}{/Shift}line two{Enter}");
    expect(send).toHaveBeenCalledWith({ type: "agent.message", text: "line one\nline two" });
    rerender(<AgentPanel agent={agent({ busy: true })} viewer="candidate" connected send={send} lastError={null} />);
    await userEvent.click(screen.getByRole("button", { name: "Stop" }));
    expect(send).toHaveBeenCalledWith({ type: "agent.stop" });
    expect((screen.getByRole("button", { name: "Send" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("says when the budget is spent or AI is unavailable, and shows the room's refusal", () => {
    const { rerender } = render(<AgentPanel agent={agent({ budget: { ...budget, messagesLeftThisQuestion: 0 } })} viewer="candidate" connected send={() => true} lastError={{ code: "agent_budget", message: "You have used all 5 AI messages", at: 1 }} />);
    expect(screen.getByText("No AI messages left for this question.")).toBeTruthy();
    expect(screen.getByRole("alert").textContent).toMatch(/used all 5/);
    expect((screen.getByRole("button", { name: "Send" }) as HTMLButtonElement).disabled).toBe(true);
    rerender(<AgentPanel agent={agent({ available: false, reason: "AI is not configured on this installation." }, [])} viewer="candidate" connected send={() => true} lastError={null} />);
    expect(screen.getAllByText("AI is not configured on this installation.").length).toBeGreaterThan(0);
    expect((screen.getByRole("textbox", { name: "Message the AI assistant" }) as HTMLTextAreaElement).disabled).toBe(true);
    rerender(<AgentPanel agent={agent({ budget: { ...budget, messagesLeftThisQuestion: 1 } })} viewer="candidate" connected send={() => true} lastError={null} />);
    expect(screen.getByText("1 message left")).toBeTruthy();
  });

  it("lets reviewers watch without writing or undoing", () => {
    render(<AgentPanel agent={agent()} viewer="reviewer" connected send={() => true} lastError={null} />);
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(screen.queryByRole("button", { name: "Undo this edit" })).toBeNull();
    expect(screen.getByText(/\$0\.00 used/)).toBeTruthy();
  });

  it("announces a finished answer politely, not each token", () => {
    const { container } = render(<AgentPanel agent={agent()} viewer="candidate" connected send={() => true} lastError={null} />);
    expect(container.querySelector("[aria-live=polite]")?.textContent).toMatch(/^The assistant answered: Here:/);
  });

  it("tells a screen-reader user politely when the question's AI messages are used up", () => {
    const { container } = render(<AgentPanel agent={agent({ budget: { ...budget, messagesLeftThisQuestion: 0 } })} viewer="candidate" connected send={() => true} lastError={null} />);
    expect(container.querySelector("[aria-live=polite]")?.textContent).toMatch(/^The assistant answered: Here:[\s\S]* No AI messages left for this question\.$/);
  });
});
