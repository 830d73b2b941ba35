import { describe, expect, it } from "vitest";
import { diffScans } from "./file-watcher.ts";
import type { ScannedEntry } from "./safe-fs.ts";

const entry = (path: string, type: ScannedEntry["type"], changeKey: string): [string, ScannedEntry] => [path, { path, type, size: 1, mtimeMs: 1, changeKey }];

describe("file change detection", () => {
  it("reports created, modified and deleted entries, ignoring directory timestamp churn", () => {
    const before = new Map([entry("a.py", "file", "1"), entry("b.py", "file", "1"), entry("dir", "directory", "1")]);
    const after = new Map([entry("a.py", "file", "2"), entry("c.py", "file", "1"), entry("dir", "directory", "2")]);
    expect(diffScans(before, after)).toEqual([
      { path: "a.py", kind: "modified", type: "file" },
      { path: "c.py", kind: "created", type: "file" },
      { path: "b.py", kind: "deleted", type: "file" },
    ]);
  });

  it("reports a file replaced by a directory as deleted then created", () => {
    expect(diffScans(new Map([entry("x", "file", "1")]), new Map([entry("x", "directory", "1")]))).toEqual([
      { path: "x", kind: "deleted", type: "file" },
      { path: "x", kind: "created", type: "directory" },
    ]);
  });
});
