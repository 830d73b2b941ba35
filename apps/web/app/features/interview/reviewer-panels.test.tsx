// @vitest-environment jsdom
import "./dom-test-setup";
import type { Participant } from "@interviewlm/realtime";
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NotesPanel } from "./notes-panel";
import { PresenceBar } from "./presence-bar";
import { Timer } from "./timer";

afterEach(() => vi.useRealTimers());

describe("NotesPanel", () => {
  it("adds a note and clears the field, keeping the text when offline", async () => {
    const onAdd = vi.fn().mockReturnValueOnce(false).mockReturnValue(true);
    render(<NotesPanel notes={[]} connected onAdd={onAdd} />);
    const field = screen.getByLabelText("Add a private note");
    await userEvent.type(field, "  Strong on tests  ");
    await userEvent.click(screen.getByRole("button", { name: "Add note" }));
    expect(onAdd).toHaveBeenLastCalledWith("Strong on tests");
    expect(screen.getByText(/Not connected/)).toBeTruthy();
    expect((field as HTMLTextAreaElement).value).toBe("  Strong on tests  ");

    await userEvent.type(field, "{Control>}{Enter}{/Control}");
    expect(onAdd).toHaveBeenCalledTimes(2);
    expect((field as HTMLTextAreaElement).value).toBe("");
  });

  it("shows the notes but no way to add one to a role without notes:write", () => {
    render(<NotesPanel connected canWrite={false} onAdd={vi.fn()} notes={[{ id: "1", authorId: "a", authorName: "Grace", text: "first", at: Date.UTC(2026, 0, 1, 9) }]} />);
    expect(screen.getByText("first")).toBeTruthy();
    expect(screen.queryByLabelText("Add a private note")).toBeNull();
    expect(screen.queryByRole("button", { name: "Add note" })).toBeNull();
    expect(screen.getByText(/can read reviewers' notes but not add them/)).toBeTruthy();
  });

  it("lists notes newest first with author and time", () => {
    render(
      <NotesPanel
        connected
        onAdd={vi.fn()}
        notes={[
          { id: "1", authorId: "a", authorName: "Grace", text: "first", at: Date.UTC(2026, 0, 1, 9) },
          { id: "2", authorId: "b", authorName: "Alan", text: "second", at: Date.UTC(2026, 0, 1, 10) },
        ]}
      />,
    );
    const items = screen.getAllByRole("listitem");
    expect(items.map((i) => i.querySelector("p")?.textContent)).toEqual(["second", "first"]);
    expect(items[0]?.textContent).toContain("Alan");
  });
});

describe("PresenceBar", () => {
  const people: Participant[] = [
    { connectionId: "c1", role: "candidate", userId: "cand", name: "Ada Lovelace", joinedAt: 1 },
    { connectionId: "r1", role: "reviewer", userId: "u1", name: "Grace Hopper", joinedAt: 2 },
    { connectionId: "r2", role: "reviewer", userId: "u1", name: "Grace Hopper", joinedAt: 3 },
  ];

  it("tells the candidate reviewers may watch, and how many do (a person with two tabs counts once)", () => {
    const view = render(<PresenceBar participants={people.slice(0, 1)} viewer="candidate" connectionId="c1" />);
    expect(screen.getByText("Reviewers may watch this session live")).toBeTruthy();
    view.rerender(<PresenceBar participants={people} viewer="candidate" connectionId="c1" />);
    expect(screen.getByText("1 reviewer is watching")).toBeTruthy();
    expect(screen.getByRole("img", { name: "Ada Lovelace (you) — candidate" })).toBeTruthy();
  });

  it("stops telling reviewers the candidate is online once the interview has finished", () => {
    // The candidate's browser is still connected, on the thank-you page.
    render(<PresenceBar participants={people} viewer="reviewer" connectionId="r1" finished />);
    expect(screen.getByText("The interview has finished · 1 watching")).toBeTruthy();
    expect(screen.queryByText(/is online/)).toBeNull();
    expect(screen.queryByRole("img", { name: /candidate$/ })).toBeNull();
  });

  it("tells reviewers whether the candidate is online", () => {
    render(<PresenceBar participants={people.slice(1)} viewer="reviewer" connectionId="r1" />);
    expect(screen.getByText("The candidate is offline · 1 watching")).toBeTruthy();
    expect(screen.getByRole("img", { name: "Grace Hopper (you) — reviewer" })).toBeTruthy();
  });
});

describe("Timer", () => {
  it("counts down on the room's clock and warns once at five minutes", () => {
    vi.useFakeTimers({ now: 1_000_000 });
    // The room's clock is 10 s ahead of the browser's.
    render(<Timer deadlineAt={1_000_000 + 10_000 + 5 * 60_000 + 2_000} serverOffsetMs={10_000} />);
    const timer = screen.getByRole("timer");
    expect(timer.textContent).toBe("05:02");
    expect(timer.getAttribute("aria-label")).toBe("5 minutes left");
    act(() => vi.advanceTimersByTime(3_000));
    expect(timer.textContent).toBe("04:59");
    expect(screen.getByText("Less than five minutes left.")).toBeTruthy();
  });
});
