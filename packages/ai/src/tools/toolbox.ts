// Executes the model's tool calls against a workspace the caller provides (in the room: the
// shared editor document and the sandbox). Input is parsed with the tool's schema, paths are
// checked, secret files are invisible, output is truncated and redacted. A failure becomes a
// tool result with is_error, which the model sees and can recover from; it never ends the turn.
import type { Tool } from "@anthropic-ai/sdk/resources/messages";
import type { AgentMode } from "../prompts.ts";
import { DEFAULT_COMMAND_TIMEOUT_SECONDS, TOOL_INPUT_SCHEMAS, TOOLS_BY_MODE, toolDefinitions, type ToolName } from "./definitions.ts";
import { formatDiff, lineDiff } from "./diff.ts";
import { SecretGuard, type SecretFile } from "./guard.ts";
import { normalizeWorkspacePath } from "./paths.ts";
import { truncateMiddle } from "./truncate.ts";

export interface CommandResult {
  exitCode: number | null;
  output: string;
  timedOut: boolean;
}

/** The candidate's workspace as the agent sees it. Paths are already normalised and allowed. */
export interface AgentWorkspace {
  listFiles(signal: AbortSignal): Promise<string[]>;
  /** null when the file does not exist. */
  readFile(path: string, signal: AbortSignal): Promise<string | null>;
  writeFile(path: string, content: string, signal: AbortSignal): Promise<void>;
  /** The visible tests' results, as text for the model. */
  runTests(signal: AbortSignal): Promise<string>;
  runCommand(command: string, timeoutMs: number, signal: AbortSignal): Promise<CommandResult>;
}

export interface AgentEdit {
  path: string;
  /** null when the agent created the file. */
  before: string | null;
  after: string;
  diff: string;
}

export interface ToolOutcome {
  output: string;
  isError: boolean;
  edit?: AgentEdit;
}

export class ToolInputError extends Error {}

const MAX_READ_CHARS = 100_000;

export class AgentToolbox {
  readonly definitions: Tool[];
  private readonly allowed: ReadonlySet<string>;
  private readonly guard: SecretGuard;

  constructor(private readonly options: { mode: AgentMode; workspace: AgentWorkspace; secrets: readonly SecretFile[] }) {
    this.definitions = toolDefinitions(options.mode);
    this.allowed = new Set(TOOLS_BY_MODE[options.mode]);
    this.guard = new SecretGuard(options.secrets);
  }

  async execute(name: string, input: unknown, signal: AbortSignal): Promise<ToolOutcome> {
    if (!this.allowed.has(name)) {
      return failure(`The tool "${name}" is not available in ${this.options.mode} mode.`);
    }
    const schema = TOOL_INPUT_SCHEMAS[name as ToolName];
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      return failure(`Invalid input for ${name}: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`).join("; ")}`);
    }
    try {
      return await this.run(name as ToolName, parsed.data as Record<string, unknown>, signal);
    } catch (error) {
      if (error instanceof ToolInputError) return failure(error.message);
      if (signal.aborted) throw error;
      return failure(this.guard.redact(`The ${name} tool failed: ${error instanceof Error ? error.message : String(error)}`));
    }
  }

  private async run(name: ToolName, input: Record<string, unknown>, signal: AbortSignal): Promise<ToolOutcome> {
    const { workspace } = this.options;
    switch (name) {
      case "list_files": {
        const files = (await workspace.listFiles(signal)).filter((path) => !this.guard.isSecret(path)).sort();
        return success(files.length ? files.join("\n") : "(the workspace is empty)");
      }
      case "read_file": {
        const path = this.path(input.path as string);
        const content = await this.read(path, signal);
        return success(truncateMiddle(content, MAX_READ_CHARS));
      }
      case "write_file": {
        const path = this.path(input.path as string);
        // Test file names are visible to the candidate by design; their content is not.
        if (this.guard.isSecret(path)) throw new ToolInputError(`Cannot write ${path}: that path is reserved for the interview's tests.`);
        const before = await workspace.readFile(path, signal);
        const after = input.content as string;
        await workspace.writeFile(path, after, signal);
        return { output: `${before === null ? "Created" : "Wrote"} ${path} (${after.split("\n").length} lines).`, isError: false, edit: edit(path, before, after) };
      }
      case "edit_file": {
        const path = this.path(input.path as string);
        const before = await this.read(path, signal);
        const oldString = input.old_string as string;
        const count = before.split(oldString).length - 1;
        if (count === 0) throw new ToolInputError(`old_string was not found in ${path}. Read the file again and copy the text exactly, whitespace included.`);
        if (count > 1) throw new ToolInputError(`old_string occurs ${count} times in ${path}; include more surrounding lines so it occurs exactly once.`);
        const index = before.indexOf(oldString);
        const after = before.slice(0, index) + (input.new_string as string) + before.slice(index + oldString.length);
        await workspace.writeFile(path, after, signal);
        return { output: `Edited ${path}: replaced 1 occurrence.`, isError: false, edit: edit(path, before, after) };
      }
      case "run_tests":
        return success(truncateMiddle(this.guard.redact(await workspace.runTests(signal))));
      case "run_command": {
        const seconds = (input.timeout_seconds as number | undefined) ?? DEFAULT_COMMAND_TIMEOUT_SECONDS;
        const result = await workspace.runCommand(input.command as string, seconds * 1000, signal);
        const status = result.timedOut ? `Timed out after ${seconds} s (the command was stopped).` : `Exit code ${result.exitCode ?? "unknown"}.`;
        const output = truncateMiddle(this.guard.redact(result.output));
        return { output: `${status}\n${output || "(no output)"}`, isError: result.timedOut || result.exitCode !== 0 };
      }
    }
  }

  private path(raw: string): string {
    const path = normalizeWorkspacePath(raw);
    if (!path) throw new ToolInputError(`"${raw}" is not a workspace path: use a relative path like src/main.py, without "..".`);
    return path;
  }

  /** A secret file answers exactly like a missing one, so the model learns nothing about it. */
  private async read(path: string, signal: AbortSignal): Promise<string> {
    const content = this.guard.isSecret(path) ? null : await this.options.workspace.readFile(path, signal);
    if (content === null) throw new ToolInputError(`No such file: ${path}`);
    return content;
  }
}

function success(output: string): ToolOutcome {
  return { output, isError: false };
}

function failure(output: string): ToolOutcome {
  return { output, isError: true };
}

function edit(path: string, before: string | null, after: string): AgentEdit {
  return { path, before, after, diff: formatDiff(path, lineDiff(before ?? "", after)) };
}
