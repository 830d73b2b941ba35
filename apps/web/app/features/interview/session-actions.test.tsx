// @vitest-environment jsdom
import "./dom-test-setup";
import type { SessionView } from "@interviewlm/realtime";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { SessionActions } from "./session-actions";

const session = (position: number, status: SessionView["status"] = "ACTIVE"): SessionView => ({
  sessionId: "s",
  status,
  deadlineAt: 0,
  language: "python",
  aiAssistance: "OFF",
  testVisibility: "VISIBLE",
  question: { position, count: 2, title: "Q", statement: "", difficulty: "EASY", language: "python" },
});
const isDisabled = (name: RegExp) => (screen.getByRole("button", { name }) as HTMLButtonElement).disabled;

describe("SessionActions", () => {
  it("asks before moving on, and sends nothing when the candidate stays", async () => {
    const onNext = vi.fn(() => true);
    render(<SessionActions session={session(0)} connected onNext={onNext} onFinish={vi.fn()} lastErrorAt={null} />);
    await userEvent.click(screen.getByRole("button", { name: "Next question" }));
    expect(screen.getByRole("dialog", { name: "Move on to question 2 of 2?" })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Stay here" }));
    expect(onNext).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole("button", { name: "Next question" }));
    await userEvent.click(screen.getByRole("button", { name: "Next question" }));
    // The dialog's confirm button (the page behind it is inert while it is open).
    expect(onNext).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("confirms Finish, then waits for the room (both buttons disabled)", async () => {
    const onFinish = vi.fn(() => true);
    const view = render(<SessionActions session={session(0)} connected onNext={vi.fn()} onFinish={onFinish} lastErrorAt={null} />);
    await userEvent.click(screen.getByRole("button", { name: "Finish" }));
    await userEvent.click(screen.getByRole("button", { name: "Finish interview" }));
    expect(onFinish).toHaveBeenCalledTimes(1);
    expect(isDisabled(/Finishing/)).toBe(true);
    expect(isDisabled(/Next question/)).toBe(true);
    // The room refuses: the buttons come back.
    view.rerender(<SessionActions session={session(0)} connected onNext={vi.fn()} onFinish={onFinish} lastErrorAt={5} />);
    expect(isDisabled(/^Finish$/)).toBe(false);
  });

  it("offers only Finish on the last question, and nothing while offline", () => {
    const view = render(<SessionActions session={session(1)} connected onNext={vi.fn()} onFinish={vi.fn()} lastErrorAt={null} />);
    expect(screen.queryByRole("button", { name: "Next question" })).toBeNull();
    view.rerender(<SessionActions session={session(1)} connected={false} onNext={vi.fn()} onFinish={vi.fn()} lastErrorAt={null} />);
    expect(isDisabled(/^Finish$/)).toBe(true);
  });
});
