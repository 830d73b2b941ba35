// The checks the real Messages API makes that a product could fail: a request the test server
// accepts here is one the API would accept on these points.

const REJECTED_SAMPLING = ["temperature", "top_p", "top_k"] as const;
const MAX_CACHE_BREAKPOINTS = 4;

type Block = { type?: string; id?: string; tool_use_id?: string; cache_control?: unknown };

export function validateMessagesRequest(body: Record<string, unknown>): string | null {
  for (const key of REJECTED_SAMPLING) {
    if (key in body) return `${key}: Extra inputs are not permitted (not supported on API version 2026-10-21)`;
  }
  if (typeof body.model !== "string" || !body.model) return "model: Field required";
  if (!Number.isInteger(body.max_tokens) || (body.max_tokens as number) < 1) return "max_tokens: Field required";
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0) return "messages: at least one message is required";

  let breakpoints = 0;
  const count = (blocks: unknown) => {
    if (Array.isArray(blocks)) for (const block of blocks as Block[]) if (block?.cache_control) breakpoints++;
  };
  count(body.tools);
  count(body.system);
  for (const message of messages as { role?: string; content?: unknown }[]) count(message.content);
  if (breakpoints > MAX_CACHE_BREAKPOINTS) return `A maximum of ${MAX_CACHE_BREAKPOINTS} blocks with cache_control may be provided. Found ${breakpoints}.`;

  if ((messages[0] as { role?: string }).role !== "user") return "messages: the first message must use the user role";
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i] as { role?: string; content?: unknown };
    if (message.role !== "user" && message.role !== "assistant") return `messages.${i}.role: must be user or assistant`;
    if (message.role !== "assistant" || !Array.isArray(message.content)) continue;
    const uses = (message.content as Block[]).filter((block) => block.type === "tool_use").map((block) => block.id);
    if (uses.length === 0) continue;
    const next = messages[i + 1] as { role?: string; content?: unknown } | undefined;
    const answered = new Set(
      next?.role === "user" && Array.isArray(next.content) ? (next.content as Block[]).filter((block) => block.type === "tool_result").map((block) => block.tool_use_id) : [],
    );
    const missing = uses.filter((id) => !answered.has(id));
    if (missing.length) {
      return `messages.${i + 1}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(", ")}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`;
    }
  }
  return null;
}
