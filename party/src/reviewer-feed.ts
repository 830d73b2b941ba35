// What only reviewers see: private notes and the candidate's signals (paste, focus). Each is
// stored under its own key, recorded, and sent to reviewer sockets only — never to a
// candidate's, whatever the UI does.
import type { Note, RoomTokenClaims, Signal } from "@interviewlm/realtime";
import { actorOf } from "./auth.ts";
import type { Connections } from "./connections.ts";
import type { Recorder } from "./recording/recorder.ts";
import { guard, seqKey, type Storage } from "./storage.ts";

const NOTE_PREFIX = "note:";
const SIGNAL_PREFIX = "signal:";
/** Signals sent in `welcome`; the recording keeps them all. */
const SIGNALS_IN_WELCOME = 500;

export class ReviewerFeed {
  private notes: Note[] = [];
  private signals: Signal[] = [];
  private signalCounter = 0;

  constructor(
    private readonly storage: Storage,
    private readonly connections: Connections,
    private readonly recorder: Recorder,
  ) {}

  async load(): Promise<void> {
    this.notes = [...(await this.storage.list<Note>({ prefix: NOTE_PREFIX })).values()];
    const signals = await this.storage.list<Signal>({ prefix: SIGNAL_PREFIX });
    this.signals = [...signals.values()];
    this.signalCounter = signals.size;
  }

  welcome(): { notes: Note[]; signals: Signal[] } {
    return { notes: this.notes, signals: this.signals.slice(-SIGNALS_IN_WELCOME) };
  }

  addNote(author: RoomTokenClaims, text: string): Note {
    const note: Note = { id: crypto.randomUUID(), authorId: author.uid, authorName: author.name, text, at: Date.now() };
    this.notes.push(note);
    guard(this.storage.put(`${seqKey(NOTE_PREFIX, note.at)}:${note.id}`, note));
    this.recorder.record("note.added", actorOf(author), { id: note.id, authorId: note.authorId, authorName: note.authorName, text }, note.at);
    this.connections.broadcastToReviewers({ type: "note", note });
    return note;
  }

  addSignal(signal: Signal, actor: string): void {
    this.signals.push(signal);
    guard(this.storage.put(seqKey(SIGNAL_PREFIX, this.signalCounter++), signal));
    const { type, at, ...payload } = signal;
    this.recorder.record(type === "paste" ? "signal.paste" : "signal.focus", actor, payload, at);
    this.connections.broadcastToReviewers({ type: "signal", signal });
  }
}
