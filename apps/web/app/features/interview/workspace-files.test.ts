import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createFile, deleteFile, normalizePath, pathProblem, renameFile, sortedPaths } from "./workspace-files";

const workspace = (files: Record<string, string>) => {
  const doc = new Y.Doc();
  const map = doc.getMap<Y.Text>("files");
  for (const [path, content] of Object.entries(files)) map.set(path, new Y.Text(content));
  return { doc, map };
};

describe("file operations on the shared files map", () => {
  it("creates a file as a new Y.Text", () => {
    const { map } = workspace({});
    createFile(map, "src/util.py", "x = 1\n");
    expect(map.get("src/util.py")?.toString()).toBe("x = 1\n");
  });

  it("renames in one transaction, so other clients see one update and keep the content", () => {
    const { doc, map } = workspace({ "main.py": "print('hi')\n" });
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    let updates = 0;
    doc.on("update", (update: Uint8Array) => {
      updates++;
      Y.applyUpdate(remote, update);
    });
    renameFile(map, "main.py", "app/main.py");
    expect(updates).toBe(1);
    expect([...map.keys()]).toEqual(["app/main.py"]);
    expect(remote.getMap<Y.Text>("files").get("app/main.py")?.toString()).toBe("print('hi')\n");
  });

  it("deletes a file", () => {
    const { map } = workspace({ "a.py": "", "b.py": "" });
    deleteFile(map, "a.py");
    expect([...map.keys()]).toEqual(["b.py"]);
  });
});

describe("pathProblem", () => {
  const existing = ["src/main.py", "README.md"];
  it.each([
    ["", "Enter a file name."],
    ["/etc/passwd", "Use a path inside the workspace (no leading /)."],
    ["src/", "End the path with a file name."],
    ["src\\x.py", "Use / between folders."],
    ["../x.py", "Folders cannot be empty, . or .."],
    ["a//b.py", "Folders cannot be empty, . or .."],
    [".git/config", "The .git folder is managed by git."],
    ["src/main.py", "A file with that name already exists."],
    ["src", "A folder with that name already exists."],
    ["README.md/x", "README.md is a file, not a folder."],
    ["readme.md", "That name differs from README.md only by case."],
  ])("refuses %j", (path, problem) => {
    expect(pathProblem(path, existing)).toBe(problem);
  });

  it("accepts a new file in a new folder", () => {
    expect(pathProblem("tests/test_extra.py", existing)).toBeNull();
  });
});

it("normalises spaces around segments and a leading ./", () => {
  expect(normalizePath(" ./src / util.py ")).toBe("src/util.py");
});

it("sorts paths case-insensitively with numbers in order", () => {
  expect(sortedPaths(["b.py", "A.py", "file10.py", "file2.py"])).toEqual(["A.py", "b.py", "file2.py", "file10.py"]);
});
