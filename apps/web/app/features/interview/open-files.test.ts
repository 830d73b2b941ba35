import { describe, expect, it } from "vitest";
import { NO_OPEN_FILES, firstFileToOpen, openFilesReducer, parseStoredOpenFiles, type OpenFiles } from "./open-files";

const state = (open: string[], active: string | null): OpenFiles => ({ open, active });

describe("openFilesReducer", () => {
  it("opens a file once and shows it", () => {
    let s = openFilesReducer(NO_OPEN_FILES, { type: "open", path: "a.py" });
    s = openFilesReducer(s, { type: "open", path: "b.py" });
    s = openFilesReducer(s, { type: "open", path: "a.py" });
    expect(s).toEqual(state(["a.py", "b.py"], "a.py"));
  });

  it("shows the neighbour when the active tab closes", () => {
    expect(openFilesReducer(state(["a", "b", "c"], "b"), { type: "close", path: "b" })).toEqual(state(["a", "c"], "c"));
    expect(openFilesReducer(state(["a", "b"], "b"), { type: "close", path: "b" })).toEqual(state(["a"], "a"));
    expect(openFilesReducer(state(["a"], "a"), { type: "close", path: "a" })).toEqual(state([], null));
  });

  it("keeps a renamed file's tab in place", () => {
    expect(openFilesReducer(state(["a", "b"], "a"), { type: "move", from: "a", to: "z" })).toEqual(state(["z", "b"], "z"));
  });

  it("closes tabs of deleted files", () => {
    expect(openFilesReducer(state(["a", "b"], "a"), { type: "prune", existing: new Set(["b"]) })).toEqual(state(["b"], "b"));
    const unchanged = state(["a"], "a");
    expect(openFilesReducer(unchanged, { type: "prune", existing: new Set(["a"]) })).toBe(unchanged);
  });
});

describe("firstFileToOpen", () => {
  it("prefers the candidate's code over tests, config and docs", () => {
    expect(firstFileToOpen(["README.md", "tests/test_app.py", "app.py"])).toBe("app.py");
    expect(firstFileToOpen(["README.md", "src/cache.test.ts", "src/cache.ts"])).toBe("src/cache.ts");
    expect(firstFileToOpen(["test_build_order.py", "build_order.py"])).toBe("build_order.py");
  });

  it("falls back to anything there is", () => {
    expect(firstFileToOpen(["README.md", "test_x.py"])).toBe("README.md");
    expect(firstFileToOpen([])).toBeNull();
  });
});

it("reads stored tabs defensively", () => {
  expect(parseStoredOpenFiles('{"open":["a","b"],"active":"b"}')).toEqual(state(["a", "b"], "b"));
  expect(parseStoredOpenFiles('{"open":["a"],"active":"gone"}')).toEqual(state(["a"], "a"));
  expect(parseStoredOpenFiles('{"open":[1]}')).toBeNull();
  expect(parseStoredOpenFiles("nope")).toBeNull();
  expect(parseStoredOpenFiles(null)).toBeNull();
});
