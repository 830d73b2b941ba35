// Tunables of the room in one place, with the reason for each number.

/** Control messages per connection: a burst covers a pasted block typed into the terminal. */
export const RATE_LIMIT = { capacity: 200, refillPerSecond: 100 } as const;
/**
 * The hard budgets: spending one disconnects with CLOSE_CODES.flood. Control sockets send
 * small JSON (≤ 64 KiB each); editor sockets carry keystroke updates, awareness, and now and
 * then a chunked paste of up to MAX_YJS_BATCH_BYTES, which the byte burst must cover.
 */
export const CONTROL_BUDGET = { messages: { capacity: 1000, refillPerSecond: 300 }, bytes: { capacity: 4 * 1024 * 1024, refillPerSecond: 1024 * 1024 } } as const;
export const YJS_BUDGET = { messages: { capacity: 1000, refillPerSecond: 300 }, bytes: { capacity: 12 * 1024 * 1024, refillPerSecond: 2 * 1024 * 1024 } } as const;

/** At most one "rate_limited" error per connection per this many ms (no error storms). */
export const RATE_LIMIT_ERROR_INTERVAL_MS = 1000;

/**
 * Close codes the room uses, so a client (and a log reader) can tell why a socket ended.
 * 1008/1009 are the standard policy / too-big codes; 4xxx are the room's own.
 */
export const CLOSE_CODES = {
  policy: 1008,
  tooLarge: 1009,
  /** The interview finished: the candidate's editor reconnects read-only. */
  finished: 4000,
  /** The same person connected again with the same connection id. */
  replaced: 4001,
  /** A removed member or changed role (packages/realtime CLOSE_ACCESS_REVOKED). */
  accessRevoked: 4403,
  /** The connection exceeded its message or byte budget (a flood). */
  flood: 4429,
} as const;

/**
 * Yjs sockets: a writable socket's chunked batch (y-partykit splits updates over 1 MB) may
 * declare at most this much — several times the largest editor file the room keeps.
 */
export const MAX_YJS_BATCH_BYTES = 8 * 1024 * 1024;
/** Read-only sockets only send sync step 1 (a state vector) and awareness: small frames. */
export const MAX_YJS_READONLY_FRAME_BYTES = 64 * 1024;

/** Editor → sandbox: write after typing pauses this long, but at least this often. */
export const MIRROR_DEBOUNCE_MS = 300;
export const MIRROR_MAX_WAIT_MS = 2000;
/** Files larger than this (or binary) stay out of the editor document. */
export const MAX_EDITOR_FILE_BYTES = 512 * 1024;

/** Terminal output is coalesced before fan-out, storage and recording. */
export const TERMINAL_COALESCE_MS = 16;
export const TERMINAL_COALESCE_BYTES = 16 * 1024;
/**
 * Terminal output recorded per session (UTF-16 units), unless TERMINAL_RECORDING_LIMIT_CHARS
 * says otherwise. Past it the room records one `terminal.truncated` event and no more output;
 * the live terminal and its scrollback keep working.
 */
export const TERMINAL_RECORDING_LIMIT_CHARS = 20 * 1024 * 1024;
/** Scrollback kept in storage and sent in `welcome`. */
export const TERMINAL_SCROLLBACK_CHARS = 200 * 1024;
export const DEFAULT_TERMINAL_SIZE = { cols: 120, rows: 30 } as const;

/** Yjs updates are merged into one recording event per window. */
export const YJS_RECORD_WINDOW_MS = 50;

/** The candidate's cursor is recorded at most this often (the last position of a burst is kept). */
export const CURSOR_RECORD_INTERVAL_MS = 200;

/** Recording batches go to the web app by count, size or age, whichever comes first. */
export const RECORDING_BATCH_EVENTS = 500;
export const RECORDING_BATCH_BYTES = 1024 * 1024;
export const RECORDING_FLUSH_MS = 1000;
export const RECORDING_RETRY_MIN_MS = 1000;
export const RECORDING_RETRY_MAX_MS = 30_000;

/**
 * Durable Object storage refuses values over 128 KiB. Strings are stored in parts of at most
 * this many UTF-16 code units (≤ 2 bytes each once serialized), so a part always fits.
 */
export const STORAGE_PART_CHARS = 60_000;

/** Test runs kept and sent in `welcome`. */
export const TEST_RUN_HISTORY = 50;

/** Web app and sandbox calls that the room waits on while starting. */
export const START_TIMEOUT_MS = 10_000;
