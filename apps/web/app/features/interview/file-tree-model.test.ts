import { describe, expect, it } from "vitest";
import { ancestorsOf, treeRows } from "./file-tree-model";

const paths = ["src/b.py", "README.md", "src/a.py", "src/lib/c.py", "tests/test_a.py"];
const describeRows = (rows: ReturnType<typeof treeRows>) => rows.map((r) => `${"  ".repeat(r.depth - 1)}${r.kind === "folder" ? `${r.name}/` : r.name}`);

describe("treeRows", () => {
  it("derives folders from paths and lists folders before files at each level", () => {
    expect(describeRows(treeRows(paths, new Set()))).toEqual(["src/", "  lib/", "    c.py", "  a.py", "  b.py", "tests/", "  test_a.py", "README.md"]);
  });

  it("hides the contents of collapsed folders", () => {
    const rows = treeRows(paths, new Set(["src"]));
    expect(describeRows(rows)).toEqual(["src/", "tests/", "  test_a.py", "README.md"]);
    expect(rows[0]).toMatchObject({ path: "src", kind: "folder", expanded: false, depth: 1, parent: "" });
  });

  it("gives each row its parent folder for Left-arrow navigation", () => {
    const c = treeRows(paths, new Set()).find((r) => r.name === "c.py");
    expect(c).toMatchObject({ path: "src/lib/c.py", parent: "src/lib", depth: 3 });
  });
});

it("lists the folders that contain a path, outermost first", () => {
  expect(ancestorsOf("src/lib/c.py")).toEqual(["src", "src/lib"]);
  expect(ancestorsOf("main.py")).toEqual([]);
});
