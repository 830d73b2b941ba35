// One JSON line per event: partykit dev (and Cloudflare's log tail) keep console output,
// and structured lines are what a log pipeline can filter by room and code.
type Fields = Record<string, unknown>;

export interface Logger {
  info(event: string, fields?: Fields): void;
  warn(event: string, fields?: Fields): void;
  error(event: string, fields?: Fields): void;
}

export function createLogger(base: Fields): Logger {
  const line = (level: string, event: string, fields?: Fields) => JSON.stringify({ level, event, ...base, ...fields });
  return {
    info: (event, fields) => console.log(line("info", event, fields)),
    warn: (event, fields) => console.warn(line("warn", event, fields)),
    error: (event, fields) => console.error(line("error", event, fields)),
  };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
