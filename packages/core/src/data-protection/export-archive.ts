// The export archive as a ZIP stream (fflate): README.txt, candidate.json (every row),
// files/… (the workspace as the recording leaves it — rebuilt by the replay, so it works after
// the sandbox is gone) and recording.jsonl (one event a line, read a page at a time). The
// stream is pulled: nothing is read from the database faster than the client downloads.
import type { Db } from "@interviewlm/db";
import { type RecordingEvent } from "@interviewlm/realtime";
import { Zip, ZipDeflate } from "fflate";
import { readEventsAfter } from "../replay/event-rows.ts";
import { frameStateAt } from "../replay/seek.ts";
import type { CandidateExport } from "./export-collect.ts";

const RECORDING_PAGE = 1000;
/** The latest instant a Date holds: "the end of the recording", whatever its clock said. */
const END_OF_TIME = 8_640_000_000_000_000;
const encoder = new TextEncoder();

/** "acme-ada-lovelace-2026-12-07.zip": who and when, in characters every file system takes. */
export function exportFilename(data: CandidateExport): string {
  const slug = (text: string) => text.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "x";
  return `${slug(data.organization.name)}-${slug(String(data.candidate.name ?? "candidate"))}-${data.exportedAt.slice(0, 10)}.zip`;
}

/** Reviewers' notes and presence are the organisation's; the candidate's archive leaves them out. */
export function eventForAudience(event: RecordingEvent, audience: CandidateExport["audience"]): boolean {
  if (audience === "organization") return true;
  if (event.type === "note.added" || event.actor.startsWith("reviewer:")) return false;
  if ((event.type === "presence.joined" || event.type === "presence.left") && event.payload.role !== "candidate") return false;
  return true;
}

/** One line of recording.jsonl. */
export function recordingLine(event: RecordingEvent): string {
  return `${JSON.stringify({ seq: event.seq, at: new Date(event.at).toISOString(), type: event.type, actor: event.actor, payload: event.payload })}\n`;
}

/** A workspace path as a safe entry under files/: no absolute paths, no climbing out with "..". */
export function archivePath(path: string): string {
  const parts = path.split(/[\\/]+/).filter((part) => part && part !== "." && part !== "..");
  return `files/${parts.join("/") || "unnamed"}`;
}

function readme(data: CandidateExport): string {
  const lines = [
    `Data held by ${data.organization.name} about ${String(data.candidate.name)} <${String(data.candidate.email)}>`,
    `Exported ${data.exportedAt} through InterviewLM${data.audience === "candidate" ? " at the candidate's own request" : ""}.`,
    "",
    "candidate.json   every record about the candidate: invitation, interview session, questions served,",
    "                 evaluations, emails sent to them, audit log entries about them, AI assistant usage",
    "files/           the workspace files as they were at the end of the interview",
    "recording.jsonl  the interview recording, one event per line (editor, terminal, tests, AI conversation…)",
  ];
  if (!data.session) lines.push("", "The candidate never started the interview: there are no files and no recording.");
  if (data.withheld.length) lines.push("", "Not included (the organization's internal material):", ...data.withheld.map((item) => `- ${item}`));
  return `${lines.join("\n")}\n`;
}

/** The archive of `data` as a byte stream; events and files are read from `db` as it is pulled. */
export function candidateArchiveStream(db: Db, data: CandidateExport): ReadableStream<Uint8Array> {
  const sessionId = typeof data.session?.id === "string" ? data.session.id : null;
  let zip!: Zip;
  const steps = archiveSteps(db, data, sessionId, (file) => zip.add(file), () => zip.end());
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        zip = new Zip((error, chunk, final) => {
          if (error) return controller.error(error);
          controller.enqueue(chunk);
          if (final) controller.close();
        });
      },
      async pull(controller) {
        try {
          await steps.next();
        } catch (error) {
          controller.error(error);
        }
      },
      async cancel() {
        await steps.return(undefined);
      },
    },
    // Pull again only once the client has taken what was made.
    { highWaterMark: 0 },
  );
}

async function* archiveSteps(db: Db, data: CandidateExport, sessionId: string | null, add: (file: ZipDeflate) => void, end: () => void): AsyncGenerator<void, void, undefined> {
  const whole = (name: string, text: string) => {
    const file = new ZipDeflate(name, { level: 6 });
    add(file);
    file.push(encoder.encode(text), true);
  };
  whole("README.txt", readme(data));
  whole("candidate.json", `${JSON.stringify(data, null, 2)}\n`);
  yield;
  if (sessionId) {
    const { files } = await frameStateAt(db, sessionId, END_OF_TIME);
    for (const file of files) whole(archivePath(file.path), file.content);
    yield;
  }
  const recording = new ZipDeflate("recording.jsonl", { level: 6 });
  add(recording);
  let afterSeq = 0;
  while (sessionId) {
    const events = await readEventsAfter(db, sessionId, afterSeq, RECORDING_PAGE);
    if (events.length === 0) break;
    afterSeq = events[events.length - 1]!.seq;
    recording.push(encoder.encode(events.filter((event) => eventForAudience(event, data.audience)).map(recordingLine).join("")));
    if (events.length < RECORDING_PAGE) break;
    yield;
  }
  recording.push(new Uint8Array(0), true);
  end();
}
