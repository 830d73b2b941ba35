// One candidate message → one agent turn: stream the model's answer, run the tools it asks for,
// feed the results back, until it ends its turn — or the candidate stops it, the budget runs
// out, the provider fails, or the turn takes too many steps. The history it returns is always
// valid to send again (every tool_use has its tool_result), whatever ended the turn.
import type Anthropic from "@anthropic-ai/sdk";
import { now as clockNow } from "../clock.ts";
import type { ContentBlockParam, MessageParam, TextBlockParam, ToolResultBlockParam } from "@anthropic-ai/sdk/resources/messages";
import type { AgentToolbox, AgentEdit } from "../tools/toolbox.ts";
import type { ModelCallUsage } from "../usage.ts";
import type { BudgetTracker } from "./budget.ts";
import { DEFAULT_RETRY_POLICY, streamModelCall, type RetryNotice, type RetryPolicy } from "./model-call.ts";
import type { ProviderFailureKind } from "./provider-errors.ts";

export type AgentEvent =
  | { type: "text"; delta: string }
  | { type: "tool_start"; id: string; name: string; input: unknown }
  | { type: "tool_end"; id: string; name: string; output: string; isError: boolean; durationMs: number; edit?: AgentEdit }
  | { type: "usage"; usage: ModelCallUsage }
  | ({ type: "retrying" } & RetryNotice);

export type AgentTurnOutcome = "completed" | "stopped" | "budget" | "provider_error" | "max_steps";

export interface AgentTurnResult {
  outcome: AgentTurnOutcome;
  /** The model's last stop reason (end_turn, max_tokens, refusal…), when it gave one. */
  stopReason: string | null;
  /** For every outcome but "completed": what to tell the candidate. */
  message: string | null;
  failureKind: ProviderFailureKind | null;
  /** For logs: what the provider (or the SDK) said when the outcome is provider_error. */
  failureDetail: string | null;
  /** The conversation including this turn, ready for the next one. */
  history: MessageParam[];
}

export interface AgentTurnOptions {
  client: Anthropic;
  model: string;
  promptVersion: string;
  system: string;
  toolbox: AgentToolbox;
  history: readonly MessageParam[];
  userText: string;
  budget: BudgetTracker;
  signal: AbortSignal;
  onEvent: (event: AgentEvent) => void;
  maxTokens?: number;
  maxSteps?: number;
  retry?: RetryPolicy;
}

export const DEFAULT_MAX_TOKENS = 8192;
export const DEFAULT_MAX_STEPS = 25;
const STOPPED_NOTE = "[Stopped by the candidate.]";

export async function runAgentTurn(options: AgentTurnOptions): Promise<AgentTurnResult> {
  const { budget, signal, onEvent, toolbox } = options;
  const history: MessageParam[] = [...options.history];
  const end = (outcome: AgentTurnOutcome, message: string | null, stopReason: string | null = null, failure: { kind: ProviderFailureKind; detail: string } | null = null): AgentTurnResult => ({
    outcome,
    stopReason,
    message,
    failureKind: failure?.kind ?? null,
    failureDetail: failure?.detail ?? null,
    history,
  });

  const refusal = budget.messageRefusal();
  if (refusal) return end("budget", refusal);
  budget.countMessage();
  history.push({ role: "user", content: [{ type: "text", text: options.userText }] });
  // Cached prefix: tools (breakpoint on the last tool) → system → the conversation so far.
  const system: TextBlockParam[] = [{ type: "text", text: options.system, cache_control: { type: "ephemeral" } }];
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;

  for (let step = 0; step < maxSteps; step++) {
    const callRefusal = budget.callRefusal();
    if (callRefusal) return end("budget", callRefusal);
    let partial = "";
    const result = await streamModelCall({
      client: options.client,
      params: { model: options.model, max_tokens: options.maxTokens ?? DEFAULT_MAX_TOKENS, system, tools: toolbox.definitions, messages: withConversationBreakpoint(history) },
      promptVersion: options.promptVersion,
      signal,
      retry: options.retry ?? DEFAULT_RETRY_POLICY,
      onText: (delta) => {
        partial += delta;
        onEvent({ type: "text", delta });
      },
      onRetry: (notice) => onEvent({ type: "retrying", ...notice }),
    });
    budget.countCall(result.usage);
    onEvent({ type: "usage", usage: result.usage });

    if (result.status === "stopped") {
      keepPartial(history, partial, STOPPED_NOTE);
      return end("stopped", "Stopped.");
    }
    if (result.status === "failed") {
      keepPartial(history, partial, "[The answer was cut off by a provider error.]");
      return end("provider_error", result.failure.message, null, result.failure);
    }
    const { message } = result;
    history.push({ role: "assistant", content: message.content as ContentBlockParam[] });
    const toolUses = message.content.filter((block) => block.type === "tool_use");
    if (message.stop_reason !== "tool_use" || toolUses.length === 0) {
      if (message.stop_reason === "max_tokens") return end("completed", "The answer reached its length limit and was cut off.", message.stop_reason);
      if (message.stop_reason === "refusal") return end("completed", "The assistant declined to answer.", message.stop_reason);
      return end("completed", null, message.stop_reason);
    }

    const results: ToolResultBlockParam[] = [];
    for (const use of toolUses) {
      if (signal.aborted) {
        results.push({ type: "tool_result", tool_use_id: use.id, content: STOPPED_NOTE, is_error: true });
        continue;
      }
      onEvent({ type: "tool_start", id: use.id, name: use.name, input: use.input });
      const startedAt = clockNow();
      let outcome;
      try {
        outcome = await toolbox.execute(use.name, use.input, signal);
      } catch {
        // Only an abort escapes execute(): the tool was cut short by Stop.
        outcome = { output: STOPPED_NOTE, isError: true };
      }
      const durationMs = Math.round(clockNow() - startedAt);
      onEvent({ type: "tool_end", id: use.id, name: use.name, output: outcome.output, isError: outcome.isError, durationMs, ...(outcome.edit ? { edit: outcome.edit } : {}) });
      results.push({ type: "tool_result", tool_use_id: use.id, content: outcome.output, is_error: outcome.isError });
    }
    history.push({ role: "user", content: results });
    if (signal.aborted) return end("stopped", "Stopped.");
  }
  return end("max_steps", `The assistant took more than ${maxSteps} steps in one answer and was stopped. Send a message to let it continue.`);
}

/** What the candidate saw of an interrupted answer stays in the conversation, marked. */
function keepPartial(history: MessageParam[], partial: string, note: string): void {
  const text = partial.trim() ? `${partial}\n\n${note}` : note;
  history.push({ role: "assistant", content: [{ type: "text", text }] });
}

/**
 * A cache breakpoint on the last block of the conversation, on a copy: the stored history keeps
 * none, so the request never has more than the API's four (tools, system, this one).
 */
function withConversationBreakpoint(history: readonly MessageParam[]): MessageParam[] {
  const last = history.at(-1);
  if (!last || typeof last.content === "string" || last.content.length === 0) return [...history];
  const blocks = [...last.content];
  const tail = blocks.at(-1)!;
  if (tail.type === "text" || tail.type === "tool_result" || tail.type === "tool_use") {
    blocks[blocks.length - 1] = { ...tail, cache_control: { type: "ephemeral" } };
  }
  return [...history.slice(0, -1), { ...last, content: blocks } as MessageParam];
}
