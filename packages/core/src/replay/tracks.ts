// How recorded event types map onto the replay's timeline tracks and events list, and the one
// line each event shows there. Shared by the server (labels, filters) and the page (legend).
import type { RecordingEvent, RecordingEventType } from "@interviewlm/realtime";

export const REPLAY_TRACKS = ["typing", "terminal", "tests", "ai", "signals", "notes", "questions", "presence"] as const;
export type ReplayTrack = (typeof REPLAY_TRACKS)[number];

export const TRACK_OF: Record<RecordingEventType, ReplayTrack> = {
  "yjs.update": "typing",
  "file.sync": "typing",
  "terminal.output": "terminal",
  "terminal.input": "terminal",
  "terminal.resize": "terminal",
  "terminal.truncated": "terminal",
  "tests.started": "tests",
  "tests.finished": "tests",
  "question.changed": "questions",
  "session.finished": "questions",
  "presence.joined": "presence",
  "presence.left": "presence",
  "signal.paste": "signals",
  "signal.focus": "signals",
  "note.added": "notes",
  "agent.message": "ai",
  "agent.tool": "ai",
  "agent.usage": "ai",
  "agent.undo": "ai",
  "agent.reset": "ai",
  "editor.cursor": "typing",
};

export function typesOfTracks(tracks: readonly ReplayTrack[]): RecordingEventType[] {
  return (Object.keys(TRACK_OF) as RecordingEventType[]).filter((type) => tracks.includes(TRACK_OF[type]));
}

/** Dense streams are drawn as activity per time bucket; the others as one marker per event. */
export const DENSE_TYPES: readonly RecordingEventType[] = ["yjs.update", "terminal.output", "terminal.input"];
export const MARKER_TYPES: readonly RecordingEventType[] = (Object.keys(TRACK_OF) as RecordingEventType[]).filter(
  // A run's marker is its result (pass/fail); its start adds nothing a reviewer steps to.
  (type) => !DENSE_TYPES.includes(type) && type !== "agent.usage" && type !== "editor.cursor" && type !== "terminal.resize" && type !== "tests.started" && TRACK_OF[type] !== "presence",
);

const LABEL_CHARS = 160;

// eslint-disable-next-line no-control-regex -- terminal escape sequences are what this removes
const ANSI = /\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])/g;

/** Control characters shown as ␀-style pictures so a label never carries raw bytes. */
function visible(text: string): string {
  // eslint-disable-next-line no-control-regex -- replacing controls is the point
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === "\u007f" ? "\u2421" : String.fromCharCode(0x2400 + c.charCodeAt(0))));
}

function short(text: string): string {
  const line = visible(text);
  return line.length > LABEL_CHARS ? `${line.slice(0, LABEL_CHARS - 1)}…` : line;
}

const str = (value: unknown): string => (typeof value === "string" ? value : value === undefined || value === null ? "" : String(value));

function totalsLabel(totals: unknown): string {
  if (!totals || typeof totals !== "object") return "";
  const t = totals as Record<string, unknown>;
  return typeof t.passed === "number" && typeof t.total === "number" ? ` — ${t.passed}/${t.total} passed` : "";
}

/** One readable line for the events list and the timeline's tooltips. */
export function eventLabel(event: Pick<RecordingEvent, "type" | "payload">): string {
  const p = event.payload;
  switch (event.type) {
    case "yjs.update":
      return "Edited the code";
    case "file.sync":
      return short(`${str(p.kind) || "changed"} ${str(p.path)}${p.origin === "sandbox" ? " (from the terminal)" : ""}`);
    case "terminal.output":
      return short(str(p.data).replace(ANSI, ""));
    case "terminal.input":
      return short(str(p.data));
    case "terminal.resize":
      return `Terminal resized to ${str(p.cols)}×${str(p.rows)}`;
    case "terminal.truncated":
      return "Terminal recording limit reached";
    case "tests.started":
      return "Tests started";
    case "tests.finished":
      return `Tests ${str(p.status)}${totalsLabel(p.totals)}`;
    case "question.changed":
      return short(`Question ${Number(p.position ?? 0) + 1}: ${str(p.title)}`);
    case "session.finished":
      return p.reason === "timeout" ? "Finished: time ran out" : "Finished by the candidate";
    case "presence.joined":
      return short(`${str(p.name) || str(p.role)} joined`);
    case "presence.left":
      return short(`${str(p.name) || str(p.role)} left`);
    case "signal.paste":
      return short(`Pasted ${str(p.lines)} line(s) into ${str(p.path)}`);
    case "signal.focus":
      return p.state === "lost" ? "Left the interview tab" : "Came back to the interview tab";
    case "note.added":
      return short(`${str(p.authorName)}: ${str(p.text)}`);
    case "agent.message":
      return short(`${p.role === "assistant" ? "AI" : "Candidate"}: ${str(p.text)}`);
    case "agent.tool":
      return short(`AI ran ${str(p.tool)}${p.isError ? " (failed)" : ""}`);
    case "agent.usage":
      return `Model call: ${str(p.inputTokens)} in / ${str(p.outputTokens)} out tokens`;
    case "agent.undo":
      return short(`Undid the AI's edit of ${str(p.path)}`);
    case "agent.reset":
      return "AI conversation reset for the next question";
    case "editor.cursor":
      return short(p.anchor === p.head ? `Moved the cursor in ${str(p.path)}` : `Selected ${Math.abs(Number(p.head) - Number(p.anchor))} characters in ${str(p.path)}`);
  }
}
