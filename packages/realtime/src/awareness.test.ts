import { describe, expect, it } from "vitest";
import { awarenessUserOf, isAcceptableAwarenessState } from "./awareness.ts";

const user = { id: "u1", name: "Ada Lovelace", role: "candidate", color: "#9ba3ff", colorLight: "#9ba3ff33" };

describe("awareness users", () => {
  it("accepts a printable name and #rrggbb(aa) colours", () => {
    expect(awarenessUserOf({ user })).toEqual(user);
    expect(awarenessUserOf({ user: { ...user, name: "Zoë 李" } })?.name).toBe("Zoë 李");
  });

  it("refuses colours that are not plain hex and names with control or bidi characters", () => {
    for (const color of ["red", "#fff;background:url(https://evil.example/x)", "#12345", "expression(alert(1))"]) {
      expect(awarenessUserOf({ user: { ...user, color } })).toBeNull();
    }
    for (const name of ["", "   ", "a\u0000b", "line\nbreak", "\u202Egnp.exe", "x".repeat(121)]) {
      expect(awarenessUserOf({ user: { ...user, name } })).toBeNull();
    }
    expect(awarenessUserOf({ user: { ...user, role: "admin" } })).toBeNull();
  });

  it("accepts states without a user (and removals), refuses states with a bad one", () => {
    expect(isAcceptableAwarenessState({ cursor: null })).toBe(true);
    expect(isAcceptableAwarenessState(null)).toBe(true);
    expect(isAcceptableAwarenessState({ user: { ...user, color: "url(x)" } })).toBe(false);
    expect(isAcceptableAwarenessState("nope")).toBe(false);
  });
});
