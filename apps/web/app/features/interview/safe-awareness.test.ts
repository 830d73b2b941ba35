import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { withSafeUsers } from "./safe-awareness";

const user = { id: "u1", name: "Ada", role: "candidate", color: "#9ba3ff", colorLight: "#9ba3ff33" };

describe("withSafeUsers", () => {
  it("hides a remote user whose colour or name would inject into the editor, keeping the rest of the state", () => {
    const awareness = new Awareness(new Y.Doc());
    awareness.states.set(11, { user, cursor: null });
    awareness.states.set(12, { user: { ...user, color: "red;background-image:url(https://evil.example/x)" }, cursor: { head: 1 } });
    awareness.states.set(13, { user: { ...user, name: "<img src=x onerror=alert(1)>\u202E" } });
    const states = withSafeUsers(awareness as never).getStates();
    expect(states.get(11)).toEqual({ user, cursor: null });
    expect(states.get(12)).toEqual({ cursor: { head: 1 } });
    expect(states.get(13)).toEqual({});
    awareness.destroy();
  });
});
