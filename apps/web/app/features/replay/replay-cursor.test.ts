import { describe, expect, it } from "vitest";
import { clampCursor, describeCursor } from "./replay-cursor";

describe("the candidate's cursor in the replay editor", () => {
  it("describes a caret by line and column (1-based)", () => {
    expect(describeCursor("ab\ncd\n", { anchor: 0, head: 0 })).toBe("at line 1, column 1");
    expect(describeCursor("ab\ncd\n", { anchor: 4, head: 4 })).toBe("at line 2, column 2");
    expect(describeCursor("ab\ncd\n", { anchor: 6, head: 6 })).toBe("at line 3, column 1");
  });

  it("describes a selection either way round from where it starts", () => {
    expect(describeCursor("ab\ncd\n", { anchor: 1, head: 4 })).toBe("3 characters selected, from line 1, column 2");
    expect(describeCursor("ab\ncd\n", { anchor: 4, head: 3 })).toBe("1 character selected, from line 2, column 1");
  });

  it("clamps a position past the end of the text", () => {
    expect(clampCursor({ anchor: 2, head: 99 }, 5)).toEqual({ anchor: 2, head: 5 });
    expect(describeCursor("abc", { anchor: 10, head: 10 })).toBe("at line 1, column 4");
  });
});
