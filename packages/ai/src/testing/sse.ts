// Scripted replies and how they go on the wire: Server-Sent Events with `event:` lines, as the
// Messages API streams them (message_start, content_block_start/delta/stop, message_delta with
// cumulative usage and stop_reason, message_stop, ping, error).

export type ScriptedBlock =
  | { type: "text"; text: string; chunks?: number }
  | { type: "tool_use"; name: string; input: Record<string, unknown>; id?: string; chunks?: number };

export interface ScriptedUsage {
  input_tokens?: number;
  output_tokens?: number;
  cache_creation_input_tokens?: number;
  cache_read_input_tokens?: number;
}

export type ScriptedReply =
  | {
      kind: "message";
      blocks: ScriptedBlock[];
      /** Default: tool_use when a block is a tool call, end_turn otherwise. */
      stopReason?: string;
      usage?: ScriptedUsage;
      /** Stop after the first text delta until the test calls release() (or the client leaves). */
      hold?: boolean;
      /** Wait this long before the first content delta (benchmarks: a provider's think time). */
      firstTokenDelayMs?: number;
    }
  | { kind: "stream_error"; textBefore?: string; errorType: string; message?: string }
  | { kind: "http_error"; status: number; errorType: string; message?: string; retryAfter?: string; retryAfterMs?: string };

let nextId = 1;
const id = (prefix: string) => `${prefix}_test${String(nextId++).padStart(6, "0")}`;

export const reply = {
  text: (text: string, extra: Partial<Extract<ScriptedReply, { kind: "message" }>> = {}): ScriptedReply => ({ kind: "message", blocks: [{ type: "text", text }], ...extra }),
  toolUse: (name: string, input: Record<string, unknown>, text?: string): ScriptedReply => ({
    kind: "message",
    blocks: [...(text ? [{ type: "text" as const, text }] : []), { type: "tool_use", name, input }],
  }),
  message: (blocks: ScriptedBlock[], extra: Partial<Extract<ScriptedReply, { kind: "message" }>> = {}): ScriptedReply => ({ kind: "message", blocks, ...extra }),
  rateLimited: (retryAfter = "0"): ScriptedReply => ({ kind: "http_error", status: 429, errorType: "rate_limit_error", message: "Number of request tokens has exceeded your per-minute rate limit", retryAfter }),
  overloaded: (retryAfter = "0"): ScriptedReply => ({ kind: "http_error", status: 529, errorType: "overloaded_error", message: "Overloaded", retryAfter }),
  streamError: (textBefore: string, errorType = "overloaded_error"): ScriptedReply => ({ kind: "stream_error", textBefore, errorType, message: "Overloaded" }),
};

function sse(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

function split(text: string, chunks: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / Math.max(1, chunks)));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length ? out : [""];
}

function usageOf(reply: Extract<ScriptedReply, { kind: "message" }>, body: Record<string, unknown>) {
  const produced = reply.blocks.reduce((sum, block) => sum + (block.type === "text" ? block.text.length : JSON.stringify(block.input).length), 0);
  return {
    input_tokens: reply.usage?.input_tokens ?? Math.ceil(JSON.stringify(body.messages ?? []).length / 4),
    output_tokens: reply.usage?.output_tokens ?? Math.max(1, Math.ceil(produced / 4)),
    cache_creation_input_tokens: reply.usage?.cache_creation_input_tokens ?? 0,
    cache_read_input_tokens: reply.usage?.cache_read_input_tokens ?? 0,
  };
}

function contentOf(block: ScriptedBlock, blockId: string) {
  return block.type === "text" ? { type: "text", text: block.text, citations: null } : { type: "tool_use", id: blockId, name: block.name, input: block.input, caller: { type: "direct" } };
}

function stopReasonOf(reply: Extract<ScriptedReply, { kind: "message" }>): string {
  return reply.stopReason ?? (reply.blocks.some((block) => block.type === "tool_use") ? "tool_use" : "end_turn");
}

function messageShell(body: Record<string, unknown>) {
  return { id: id("msg"), type: "message", role: "assistant", model: body.model, content: [], stop_reason: null, stop_sequence: null };
}

/** The non-streaming answer (`stream` not set). */
export function renderMessage(reply: Extract<ScriptedReply, { kind: "message" }>, body: Record<string, unknown>) {
  return { ...messageShell(body), content: reply.blocks.map((block) => contentOf(block, block.type === "tool_use" ? (block.id ?? id("toolu")) : "")), stop_reason: stopReasonOf(reply), usage: usageOf(reply, body) };
}

/** SSE frames, with "hold" (wait for release) and numbers (wait that many ms) between them. */
export function* renderStream(reply: Exclude<ScriptedReply, { kind: "http_error" }>, body: Record<string, unknown>): Generator<string | number | "hold"> {
  if (reply.kind === "stream_error") {
    const input = Math.ceil(JSON.stringify(body.messages ?? []).length / 4);
    yield sse("message_start", { type: "message_start", message: { ...messageShell(body), usage: { input_tokens: input, output_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 } } });
    if (reply.textBefore) {
      yield sse("content_block_start", { type: "content_block_start", index: 0, content_block: { type: "text", text: "", citations: null } });
      yield sse("content_block_delta", { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: reply.textBefore } });
    }
    yield sse("error", { type: "error", error: { type: reply.errorType, message: reply.message ?? reply.errorType } });
    return;
  }
  const usage = usageOf(reply, body);
  yield sse("message_start", { type: "message_start", message: { ...messageShell(body), usage: { ...usage, output_tokens: 1 } } });
  yield sse("ping", { type: "ping" });
  if (reply.firstTokenDelayMs) yield reply.firstTokenDelayMs;
  let held = false;
  for (const [index, block] of reply.blocks.entries()) {
    if (block.type === "text") {
      yield sse("content_block_start", { type: "content_block_start", index, content_block: { type: "text", text: "", citations: null } });
      for (const piece of split(block.text, block.chunks ?? Math.min(8, Math.max(1, Math.ceil(block.text.length / 16))))) {
        yield sse("content_block_delta", { type: "content_block_delta", index, delta: { type: "text_delta", text: piece } });
        if (reply.hold && !held) {
          held = true;
          yield "hold";
        }
      }
    } else {
      const toolId = block.id ?? id("toolu");
      yield sse("content_block_start", { type: "content_block_start", index, content_block: { type: "tool_use", id: toolId, name: block.name, input: {}, caller: { type: "direct" } } });
      // The API's first input_json_delta is often empty; the SDK parses the input at content_block_stop.
      yield sse("content_block_delta", { type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: "" } });
      for (const piece of split(JSON.stringify(block.input), block.chunks ?? 3)) {
        yield sse("content_block_delta", { type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: piece } });
      }
    }
    yield sse("content_block_stop", { type: "content_block_stop", index });
  }
  yield sse("message_delta", { type: "message_delta", delta: { stop_reason: stopReasonOf(reply), stop_sequence: null }, usage });
  yield sse("message_stop", { type: "message_stop" });
}
