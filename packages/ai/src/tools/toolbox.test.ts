import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DirectoryWorkspace } from "../testing/directory-workspace.ts";
import { AgentToolbox } from "./toolbox.ts";
import { truncateMiddle } from "./truncate.ts";

let dir: string;
let tools: AgentToolbox;
const signal = new AbortController().signal;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "agent-tools-"));
  await writeFile(join(dir, "a.py"), "x = 1\nx = 1\ny = 2\n");
  tools = new AgentToolbox({ mode: "AGENT", workspace: new DirectoryWorkspace(dir), secrets: [] });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("the agent's tools", () => {
  it("edits only when old_string occurs exactly once, and changes nothing otherwise", async () => {
    expect(await tools.execute("edit_file", { path: "a.py", old_string: "x = 1", new_string: "x = 3" }, signal)).toMatchObject({ isError: true, output: expect.stringMatching(/occurs 2 times/) });
    expect(await tools.execute("edit_file", { path: "a.py", old_string: "z = 9", new_string: "z = 3" }, signal)).toMatchObject({ isError: true, output: expect.stringMatching(/not found/) });
    expect(await readFile(join(dir, "a.py"), "utf8")).toBe("x = 1\nx = 1\ny = 2\n");
    const done = await tools.execute("edit_file", { path: "a.py", old_string: "y = 2", new_string: "y = $&3" }, signal);
    // "$&" is literal text: the replacement is not a String.replace pattern.
    expect(await readFile(join(dir, "a.py"), "utf8")).toBe("x = 1\nx = 1\ny = $&3\n");
    expect(done.edit).toMatchObject({ path: "a.py", before: "x = 1\nx = 1\ny = 2\n", after: "x = 1\nx = 1\ny = $&3\n" });
  });

  it("writes whole files, creating them, and reports the edit with a null before", async () => {
    const created = await tools.execute("write_file", { path: "pkg/new.py", content: "print(1)\n" }, signal);
    expect(created).toMatchObject({ isError: false, output: "Created pkg/new.py (2 lines).", edit: { before: null, after: "print(1)\n" } });
    expect(created.edit!.diff).toContain("+print(1)");
  });

  it("refuses malformed input with the field that is wrong", async () => {
    expect(await tools.execute("read_file", { file: "a.py" }, signal)).toMatchObject({ isError: true, output: expect.stringMatching(/Invalid input for read_file: path/) });
    expect(await tools.execute("run_command", { command: "ls", timeout_seconds: 9999 }, signal)).toMatchObject({ isError: true, output: expect.stringMatching(/timeout_seconds/) });
    expect(await tools.execute("delete_everything", {}, signal)).toMatchObject({ isError: true, output: expect.stringMatching(/not available/) });
  });

  it("runs commands with a timeout and a note, and truncates long output in the middle with a note", async () => {
    const slow = await tools.execute("run_command", { command: "echo started; sleep 20", timeout_seconds: 1 }, signal);
    expect(slow).toMatchObject({ isError: true, output: expect.stringMatching(/^Timed out after 1 s[\s\S]*started/) });
    const long = await tools.execute("run_command", { command: "seq 1 20000" }, signal);
    expect(long.output).toMatch(/\[output truncated: \d+ of \d+ characters omitted from the middle\]/);
    expect(long.output).toContain("\n1\n2\n");
    expect(long.output.trimEnd().endsWith("20000")).toBe(true);
    expect((await tools.execute("run_command", { command: "exit 3" }, signal)).output).toMatch(/^Exit code 3/);
  });

  it("keeps short output whole", () => {
    expect(truncateMiddle("short", 10)).toBe("short");
  });
});
