// Long tool output is cut in the middle — the start shows what ran, the end shows how it
// ended — with a note so the model knows it did not see everything.

export const MAX_TOOL_OUTPUT_CHARS = 16_000;

export function truncateMiddle(text: string, max = MAX_TOOL_OUTPUT_CHARS): string {
  if (text.length <= max) return text;
  const head = Math.floor(max * 0.4);
  const tail = max - head;
  const omitted = text.length - head - tail;
  return `${text.slice(0, head)}\n\n[output truncated: ${omitted} of ${text.length} characters omitted from the middle]\n\n${text.slice(-tail)}`;
}
