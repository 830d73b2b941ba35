import { describe, expect, it } from "vitest";
import { questionTestFiles, questionWorkspaceFiles, referenceWorkspaceFiles, testFileKind } from "./workspace-files.ts";

const question = {
  starterFiles: [
    { path: "src/cache.ts", content: "stub" },
    { path: "src/util.ts", content: "util" },
  ],
  visibleTests: [{ path: "src/cache.test.ts", content: "visible" }],
  hiddenTests: [{ path: "src/cache.hidden.test.ts", content: "hidden" }],
  referenceSolution: [{ path: "src/cache.ts", content: "solved" }],
};
const paths = (files: { path: string }[]) => files.map((f) => f.path);

describe("questionWorkspaceFiles", () => {
  it("gives the starter and the visible tests when tests are visible", () => {
    expect(paths(questionWorkspaceFiles(question, "VISIBLE"))).toEqual(["src/cache.ts", "src/util.ts", "src/cache.test.ts"]);
  });

  it("gives only the starter when test sources are not shown", () => {
    expect(paths(questionWorkspaceFiles(question, "RESULTS_ONLY"))).toEqual(["src/cache.ts", "src/util.ts"]);
    expect(paths(questionWorkspaceFiles(question, "HIDDEN"))).toEqual(["src/cache.ts", "src/util.ts"]);
  });

  it("never includes hidden tests or the reference solution", () => {
    for (const visibility of ["VISIBLE", "RESULTS_ONLY", "HIDDEN"] as const) {
      const contents = questionWorkspaceFiles(question, visibility).map((f) => f.content);
      expect(contents).not.toContain("hidden");
      expect(contents).not.toContain("solved");
    }
  });

  it("rejects malformed stored files instead of writing garbage into a workspace", () => {
    expect(() => questionWorkspaceFiles({ starterFiles: [{ path: "../escape.py", content: "" }], visibleTests: [] }, "VISIBLE")).toThrow(/starter files are malformed/);
    expect(() => questionWorkspaceFiles({ starterFiles: "nope", visibleTests: [] }, "VISIBLE")).toThrow(/malformed/);
  });
});

describe("questionTestFiles", () => {
  it("injects only what is not already in the workspace", () => {
    expect(paths(questionTestFiles(question, "VISIBLE", { includeHidden: false }))).toEqual([]);
    expect(paths(questionTestFiles(question, "RESULTS_ONLY", { includeHidden: false }))).toEqual(["src/cache.test.ts"]);
    expect(paths(questionTestFiles(question, "HIDDEN", { includeHidden: false }))).toEqual([]);
  });

  it("adds the hidden tests for the evaluation", () => {
    expect(paths(questionTestFiles(question, "VISIBLE", { includeHidden: true }))).toEqual(["src/cache.hidden.test.ts"]);
    expect(paths(questionTestFiles(question, "RESULTS_ONLY", { includeHidden: true }))).toEqual(["src/cache.test.ts", "src/cache.hidden.test.ts"]);
    expect(paths(questionTestFiles(question, "HIDDEN", { includeHidden: true }))).toEqual(["src/cache.test.ts", "src/cache.hidden.test.ts"]);
  });
});

describe("testFileKind and referenceWorkspaceFiles", () => {
  it("tells visible, hidden and the candidate's own test files apart", () => {
    expect(testFileKind(question, "src/cache.test.ts")).toBe("visible");
    expect(testFileKind(question, "src/cache.hidden.test.ts")).toBe("hidden");
    expect(testFileKind(question, "src/mine.test.ts")).toBeNull();
    expect(testFileKind(question, null)).toBeNull();
  });

  it("lays the solution over the starter and adds the visible tests", () => {
    expect(referenceWorkspaceFiles(question)).toEqual([
      { path: "src/cache.ts", content: "solved" },
      { path: "src/util.ts", content: "util" },
      { path: "src/cache.test.ts", content: "visible" },
    ]);
  });
});
