import { describe, expect, it } from "vitest";
import { isSandboxError } from "./errors.ts";
import { normalizeWorkspacePath } from "./workspace-path.ts";

describe("workspace paths", () => {
  it("accepts relative paths and drops a trailing slash", () => {
    expect(normalizeWorkspacePath("src/main.py")).toBe("src/main.py");
    expect(normalizeWorkspacePath("dir/")).toBe("dir");
    expect(normalizeWorkspacePath("ünïcode/файл.ts")).toBe("ünïcode/файл.ts");
  });

  it.each([
    ["../etc/passwd", "climbs out"],
    ["a/../../b", "climbs out"],
    ["/etc/passwd", "absolute"],
    ["", "empty"],
    ["a//b", "empty segment"],
    ["./a", "'.' segment"],
    ["a\\b", "backslash"],
    ["a\u0000b", "control character"],
    ["x".repeat(300), "longer than 255"],
  ])("rejects %j (%s) with INVALID_PATH", (path, why) => {
    try {
      normalizeWorkspacePath(path);
      expect.unreachable();
    } catch (error) {
      expect(isSandboxError(error, "INVALID_PATH")).toBe(true);
      expect((error as Error).message).toContain(why);
    }
  });
});
