// Reading the room's structured log lines (@interviewlm/infra/log) back out of partykit's output.

/** The entries logged as `event`, oldest first. partykit may run other output into the same line, so each object is cut out by parsing, not by line. */
export function logEntries(output: string, event: string): Record<string, unknown>[] {
  const entries: Record<string, unknown>[] = [];
  const start = `{"level":`;
  for (let at = output.indexOf(start); at >= 0; at = output.indexOf(start, at + 1)) {
    for (let end = output.indexOf("}", at); end >= 0; end = output.indexOf("}", end + 1)) {
      try {
        const entry = JSON.parse(output.slice(at, end + 1)) as Record<string, unknown>;
        if (entry.event === event) entries.push(entry);
        break;
      } catch {
        // not the end of this object yet
      }
    }
  }
  return entries;
}
