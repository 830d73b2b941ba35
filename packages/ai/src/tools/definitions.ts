// The agent's tools: one zod schema each (the model's input is parsed with it), turned into the
// JSON Schema the Messages API wants. CHAT gets the read-only ones.
import type { Tool } from "@anthropic-ai/sdk/resources/messages";
import { z } from "zod";
import type { AgentMode } from "../prompts.ts";

export const MAX_COMMAND_TIMEOUT_SECONDS = 120;
export const DEFAULT_COMMAND_TIMEOUT_SECONDS = 30;

const path = z.string().min(1).max(1024).describe("Workspace-relative path, e.g. src/solution.py");

export const TOOL_INPUT_SCHEMAS = {
  list_files: z.object({}).strict(),
  read_file: z.object({ path }).strict(),
  write_file: z.object({ path, content: z.string().max(512 * 1024) }).strict(),
  edit_file: z
    .object({
      path,
      old_string: z.string().min(1).max(256 * 1024).describe("Exact text to replace; must occur exactly once in the file"),
      new_string: z.string().max(256 * 1024),
    })
    .strict(),
  run_tests: z.object({}).strict(),
  run_command: z
    .object({
      command: z.string().min(1).max(4000),
      timeout_seconds: z.number().int().min(1).max(MAX_COMMAND_TIMEOUT_SECONDS).optional(),
    })
    .strict(),
} as const;

export type ToolName = keyof typeof TOOL_INPUT_SCHEMAS;
export type ToolInput<N extends ToolName> = z.infer<(typeof TOOL_INPUT_SCHEMAS)[N]>;

const DESCRIPTIONS: Record<ToolName, string> = {
  list_files: "List every file in the candidate's workspace.",
  read_file: "Read a file of the candidate's workspace.",
  write_file: "Create a file or replace its whole content. The candidate sees the change live in their editor.",
  edit_file:
    "Replace one exact occurrence of old_string with new_string in a file. Fails if old_string is missing or occurs more than once: include enough surrounding lines to make it unique.",
  run_tests: "Run the question's visible tests against the workspace and get the results.",
  run_command: `Run a shell command in the workspace directory (bash). Output is truncated when long. Default timeout ${DEFAULT_COMMAND_TIMEOUT_SECONDS} s, at most ${MAX_COMMAND_TIMEOUT_SECONDS} s.`,
};

export const TOOLS_BY_MODE: Record<AgentMode, readonly ToolName[]> = {
  CHAT: ["list_files", "read_file"],
  AGENT: ["list_files", "read_file", "write_file", "edit_file", "run_tests", "run_command"],
};

/** Tool definitions for a mode; the last carries the cache breakpoint that caches all of them. */
export function toolDefinitions(mode: AgentMode): Tool[] {
  const names = TOOLS_BY_MODE[mode];
  return names.map((name, index) => {
    const { $schema: _ignored, ...schema } = z.toJSONSchema(TOOL_INPUT_SCHEMAS[name]) as Record<string, unknown>;
    return {
      name,
      description: DESCRIPTIONS[name],
      input_schema: schema as Tool["input_schema"],
      ...(index === names.length - 1 ? { cache_control: { type: "ephemeral" as const } } : {}),
    };
  });
}
