// One structured logger for every process: one JSON object per line, the same shape from Node
// (web app, sandbox service) and workerd (rooms), so one log pipeline filters them all by
// event, room or request id. console is the sink: partykit dev and Cloudflare's log tail keep
// console output, and Node writes it to stdout/stderr unbuffered.
export type LogFields = Record<string, unknown>;
export type LogLevel = "debug" | "info" | "warn" | "error";

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** A logger whose lines all carry `fields` too (a room id, a request id). */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  /** Lines below this level are dropped; default "info". */
  level?: LogLevel;
  /** Where a finished line goes; default console (error → console.error, warn → console.warn). */
  write?: (level: LogLevel, line: string) => void;
  /** Fields read at each line, e.g. the request id of the request being served. */
  context?: () => LogFields;
  /** Injected so tests can fix the clock. */
  now?: () => Date;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const consoleWrite = (level: LogLevel, line: string) => {
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
};

export function createLogger(base: LogFields = {}, options: LoggerOptions = {}): Logger {
  const threshold = RANK[options.level ?? "info"];
  const write = options.write ?? consoleWrite;
  const now = options.now ?? (() => new Date());
  const emit = (level: LogLevel, event: string, fields?: LogFields) => {
    if (RANK[level] < threshold) return;
    // level first: readers (and the rooms' tests) find a line by its opening `{"level":`.
    write(level, JSON.stringify({ level, event, time: now().toISOString(), ...base, ...options.context?.(), ...fields }, replaceErrors));
  };
  return {
    debug: (event, fields) => emit("debug", event, fields),
    info: (event, fields) => emit("info", event, fields),
    warn: (event, fields) => emit("warn", event, fields),
    error: (event, fields) => emit("error", event, fields),
    child: (fields) => createLogger({ ...base, ...fields }, options),
  };
}

// Errors have no enumerable fields: JSON.stringify would write `{}` and lose what went wrong.
function replaceErrors(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    const cause = (value as { cause?: unknown }).cause;
    return { name: value.name, message: value.message, stack: value.stack, ...(cause === undefined ? {} : { cause }) };
  }
  if (typeof value === "bigint") return value.toString();
  return value;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
