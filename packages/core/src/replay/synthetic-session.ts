// A synthetic recorded session, made the way the room records one: a real Y.Doc edited file by
// file (create, type, rename, delete) whose updates are recorded as yjs.update, terminal output
// chunked like the PTY stream (colours, progress bars redrawn with \r, escape sequences split
// across chunks, NUL, lone surrogates, very long lines, huge outputs), resizes, test runs, AI
// messages, pastes, focus losses, notes and question changes. Deterministic per seed. Used by
// the replay's tests and by bench/replay.
import type { RecordingEvent } from "@interviewlm/realtime";
import * as Y from "yjs";

export interface SyntheticSessionOptions {
  events: number;
  durationMs: number;
  seed?: number;
  startAt?: number;
  /** Add the unusual content (huge outputs, very long lines, odd characters) and the candidate's cursor after each edit. */
  unusual?: boolean;
}

export interface SyntheticSession {
  events: RecordingEvent[];
  /** The files as the room's document holds them after the last event. */
  finalFiles: { path: string; content: string }[];
}

function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const WORDS = ["def", "return", "for", "in", "if", "else", "value", "result", "items", "count", "print(", ")", ":", "  ", "\n", "= ", "+ 1", "[]", "{}", "é", "中文", "😀", "\t"];
const OUTPUT = [
  "$ ",
  "\x1b[32mPASSED\x1b[0m tests/test_solution.py::test_example\r\n",
  "\x1b[31mFAILED\x1b[0m tests/test_solution.py::test_edge - AssertionError\r\n",
  "Traceback (most recent call last):\r\n  File \"solution.py\", line 3\r\n",
  "\x1b[1;34mdir\x1b[0m  solution.py  README.md\r\n",
  "\x1b[2J\x1b[H",
  "\x1b[?25l",
  "\x1b[?25h",
  "\x1b]0;candidate@sandbox\x07",
  "\x1b[K",
  "\x1b[3A\x1b[2C",
];

export function syntheticSession(options: SyntheticSessionOptions): SyntheticSession {
  const rand = random(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const startAt = options.startAt ?? Date.UTC(2026, 0, 5, 9, 0, 0);
  const events: RecordingEvent[] = [];
  const doc = new Y.Doc();
  const files = doc.getMap<Y.Text>("files");
  let pending: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => pending.push(update));
  let seq = 0;
  let runId = 0;
  let question = 0;
  const at = () => startAt + Math.floor((seq / options.events) * options.durationMs);
  const push = (type: RecordingEvent["type"], actor: string, payload: Record<string, unknown>) => {
    seq++;
    events.push({ seq, at: at(), type, actor, payload });
  };
  const flushDoc = () => {
    if (pending.length === 0) return;
    const update = pending.length === 1 ? pending[0]! : Y.mergeUpdates(pending);
    pending = [];
    push("yjs.update", "candidate:c1", { update: Buffer.from(update).toString("base64") });
  };
  const edit = (fn: () => void) => {
    doc.transact(fn);
    flushDoc();
  };
  edit(() => {
    files.set("solution.py", new Y.Text("def solve(items):\n    return items\n"));
    files.set("README.md", new Y.Text("# Task\n"));
  });
  push("question.changed", "room", { position: 0, questionId: "q1", title: "Group anagrams" });
  let splitEscape: string | null = null;
  let tick = 0;

  while (seq < options.events) {
    tick++;
    const roll = rand();
    const paths = [...files.keys()];
    if (roll < 0.55 && paths.length > 0) {
      const path = pick(paths);
      const text = files.get(path)!;
      let caret = 0;
      let typed = 0;
      edit(() => {
        if (rand() < 0.8 || text.length === 0) {
          const position = Math.floor(rand() * (text.length + 1));
          const word = pick(WORDS);
          text.insert(position, word);
          caret = position + word.length;
          typed = word.length;
        } else {
          const from = Math.floor(rand() * text.length);
          text.delete(from, Math.min(text.length - from, 1 + Math.floor(rand() * 5)));
          caret = from;
        }
      });
      // The candidate's caret after the edit (now and then the typed word selected), drawing no
      // random numbers: the same edits, outputs and runs happen with or without cursors.
      if (options.unusual) push("editor.cursor", "candidate:c1", { path, anchor: tick % 7 === 0 ? caret - typed : caret, head: caret });
    } else if (roll < 0.85) {
      let data = splitEscape ?? "";
      splitEscape = null;
      data += pick(OUTPUT);
      if (rand() < 0.3) data += `progress ${Math.floor(rand() * 100)}%\r`;
      if (rand() < 0.05) {
        // An escape sequence (or a surrogate pair) split across two chunks, as the PTY delivers them.
        const whole = rand() < 0.5 ? "\x1b[38;5;208morange\x1b[0m" : "😀 wide\r\n";
        const cut = whole.startsWith("\x1b") ? 4 : 1;
        data += whole.slice(0, cut);
        splitEscape = whole.slice(cut);
      }
      push("terminal.output", "room", { data });
    } else if (roll < 0.9) {
      for (const ch of pick(["ls\r", "pytest -q\r", "python3 solution.py\r", "cat README.md\r", "echo héllo\u007f\u007f\r"])) push("terminal.input", "candidate:c1", { data: ch });
    } else if (roll < 0.93) {
      runId++;
      push("tests.started", "candidate:c1", { runId: `r${runId}`, questionPosition: question });
      const passed = Math.floor(rand() * 4);
      push("tests.finished", "room", {
        runId: `r${runId}`,
        status: passed === 3 ? "passed" : "failed",
        totals: { passed, failed: 3 - passed, total: 3 },
        durationMs: 120 + Math.floor(rand() * 500),
        tests: ["test_example", "test_edge", "test_empty"].map((name, i) => ({ name, status: i < passed ? "passed" : "failed", durationMs: 3 })),
      });
    } else if (roll < 0.95) {
      push("agent.message", "candidate:c1", { turnId: `t${tick}`, role: "candidate", text: `How do I handle the empty case? (${tick})` });
      push("agent.message", "agent", { turnId: `t${tick}`, role: "assistant", text: "Return an empty list early." });
    } else if (roll < 0.96) {
      push("signal.paste", "candidate:c1", { path: "solution.py", length: 120, lines: 4 });
      push("signal.focus", "candidate:c1", { state: "lost" });
      push("signal.focus", "candidate:c1", { state: "regained" });
    } else if (roll < 0.965) {
      push("note.added", "reviewer:u1", { id: `n${tick}`, authorId: "u1", authorName: "Ann", text: `Note ${tick}` });
    } else if (roll < 0.97) {
      push("terminal.resize", "candidate:c1", { cols: 60 + Math.floor(rand() * 100), rows: 10 + Math.floor(rand() * 40) });
    } else if (roll < 0.975) {
      // Files created, renamed (delete + create with the same text) and deleted.
      const name = `notes_${tick}.txt`;
      edit(() => files.set(name, new Y.Text(`scratch ${tick}\n`)));
      push("file.sync", "room", { path: name, kind: "created", origin: "editor" });
      if (rand() < 0.5) {
        const renamed = `renamed_${tick}.txt`;
        edit(() => {
          const content = files.get(name)!.toString();
          files.delete(name);
          files.set(renamed, new Y.Text(content));
        });
        if (rand() < 0.5) edit(() => files.delete(renamed));
      }
    } else if (roll < 0.976 && question < 2) {
      question++;
      push("question.changed", "room", { position: question, questionId: `q${question + 1}`, title: `Question ${question + 1}` });
    } else if (options.unusual && roll < 0.98) {
      const kind = Math.floor(rand() * 4);
      if (kind === 0) push("terminal.output", "room", { data: `${"x".repeat(100_000)}\r\n` });
      else if (kind === 1) push("terminal.output", "room", { data: "NUL\u0000 and lone \uD800 surrogate \uDC00 and \uFDD0mark\r\n" });
      else if (kind === 2) push("terminal.output", "room", { data: Array.from({ length: 2000 }, (_, i) => `line ${i} of a huge output\r\n`).join("") });
      else edit(() => files.get("solution.py")?.insert(0, `# ${"long ".repeat(20_000)}\u0000\n`));
    }
  }
  if (splitEscape) push("terminal.output", "room", { data: splitEscape });
  events.length = Math.max(events.length, 0);
  const finalFiles = [...files.entries()].map(([path, text]) => ({ path, content: text.toString() })).sort((a, b) => (a.path < b.path ? -1 : 1));
  return { events, finalFiles };
}
