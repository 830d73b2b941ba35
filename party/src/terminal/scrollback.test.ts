import { describe, expect, it } from "vitest";
import { outputAfterReplay } from "./scrollback.ts";

describe("outputAfterReplay", () => {
  it("keeps only what the room has not seen from a reattached terminal's replay", () => {
    const known = "$ ls\r\ncalc.py\r\n$ echo one\r\none\r\n$ ";
    expect(outputAfterReplay(known, "calc.py\r\n$ echo one\r\none\r\n$ echo two\r\ntwo\r\n")).toBe("echo two\r\ntwo\r\n");
    expect(outputAfterReplay(known, known.slice(5))).toBe("");
  });

  it("treats everything as new when the replay does not continue the room's scrollback", () => {
    expect(outputAfterReplay("", "fresh")).toBe("fresh");
    expect(outputAfterReplay("$ something else\r\n", "unrelated output\r\n")).toBe("unrelated output\r\n");
  });

  it("handles repeated output: the overlap must match entirely, not only its last line", () => {
    const known = "x\r\nok\r\nok\r\n";
    expect(outputAfterReplay(known, "ok\r\nok\r\nnew\r\n")).toBe("new\r\n");
  });
});
