// The candidate's cursor in the replay state: folded from editor.cursor events, carried by a
// keyframe, absent from keyframes written before it was recorded, and bad payloads ignored.
import type { RecordingEvent } from "@interviewlm/realtime";
import { describe, expect, it } from "vitest";
import { ReplayState } from "./replay-state.ts";
import { eventLabel, MARKER_TYPES, TRACK_OF } from "./tracks.ts";

let seq = 0;
const event = (type: RecordingEvent["type"], payload: Record<string, unknown>): RecordingEvent => ({ seq: ++seq, at: 1_700_000_000_000 + seq, type, actor: "candidate:c1", payload });
const cursor = (path: string, anchor: number, head: number) => event("editor.cursor", { path, anchor, head });

describe("the candidate's cursor in the replay state", () => {
  it("is the latest editor.cursor event folded in, and nothing before the first", async () => {
    const state = ReplayState.empty();
    try {
      expect(state.side.cursor).toBeNull();
      state.apply(cursor("main.py", 4, 4));
      expect(state.side.cursor).toEqual({ path: "main.py", anchor: 4, head: 4 });
      state.apply(event("terminal.output", { data: "$ " }));
      state.apply(cursor("util/helpers.py", 10, 2));
      expect(state.side.cursor).toEqual({ path: "util/helpers.py", anchor: 10, head: 2 });
    } finally {
      state.dispose();
    }
  });

  it("ignores payloads that are not a path and two offsets, keeping the last good position", () => {
    const state = ReplayState.empty();
    try {
      state.apply(cursor("a.py", 1, 3));
      for (const bad of [{ path: 7, anchor: 1, head: 1 }, { path: "a.py", anchor: -1, head: 0 }, { path: "a.py", anchor: 1.5, head: 2 }, { path: "a.py", anchor: "1", head: 2 }, {}]) {
        state.apply(event("editor.cursor", bad));
      }
      expect(state.side.cursor).toEqual({ path: "a.py", anchor: 1, head: 3 });
    } finally {
      state.dispose();
    }
  });

  it("is carried by a keyframe, and a keyframe from before cursors were recorded has none", async () => {
    const before = ReplayState.empty();
    before.apply(cursor("main.py", 0, 12));
    const screen = await before.screen();
    const side = structuredClone(before.side);
    before.dispose();

    const restored = await ReplayState.restore({ seq: 1, at: 1, terminal: screen, side });
    try {
      expect(restored.side.cursor).toEqual({ path: "main.py", anchor: 0, head: 12 });
    } finally {
      restored.dispose();
    }
    const { cursor: _dropped, ...olderSide } = side;
    const older = await ReplayState.restore({ seq: 1, at: 1, terminal: screen, side: olderSide });
    try {
      expect(older.side.cursor ?? null).toBeNull();
    } finally {
      older.dispose();
    }
  });

  it("is on the typing track, not a timeline marker, with a readable label", () => {
    expect(TRACK_OF["editor.cursor"]).toBe("typing");
    expect(MARKER_TYPES).not.toContain("editor.cursor");
    expect(eventLabel(cursor("main.py", 5, 5))).toBe("Moved the cursor in main.py");
    expect(eventLabel(cursor("main.py", 9, 2))).toBe("Selected 7 characters in main.py");
  });
});
