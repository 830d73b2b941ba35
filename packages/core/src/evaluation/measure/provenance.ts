// Per-line provenance of the final code: which lines the candidate typed, pasted, the agent
// wrote, the agent wrote and the candidate then changed, or came with the starter files (or
// from the terminal, which reaches the editor through the room). Decided per line from its
// non-whitespace characters, so indentation the editor adds does not decide anything.
import type * as Y from "yjs";
import { walkText, type Author, type DocumentHistory } from "./document-history.ts";
import { emptySourceCounts, type FileProvenance, type LineRange, type LineSource, type Provenance } from "./types.ts";

interface LineTally {
  typed: number;
  pasted: number;
  agent: number;
  room: number;
  /** The candidate deleted characters inside this line. */
  candidateDeleted: boolean;
  agentSeqs: Set<number>;
  pasteSeqs: Set<number>;
  blank: boolean;
  /** The latest event that wrote a non-whitespace character of the line. */
  last: { seq: number; at: number } | null;
}

const newTally = (): LineTally => ({ typed: 0, pasted: 0, agent: 0, room: 0, candidateDeleted: false, agentSeqs: new Set(), pasteSeqs: new Set(), blank: true, last: null });

/** The lines of one file with what their characters came from. */
export function tallyLines(history: DocumentHistory, text: Y.Text): LineTally[] {
  const lines: LineTally[] = [newTally()];
  walkText(
    history,
    text,
    ({ char, origin, pasteSeq }) => {
      if (char === "\n") {
        lines.push(newTally());
        return;
      }
      if (/\s/.test(char)) return;
      const line = lines[lines.length - 1]!;
      line.blank = false;
      if (origin && (!line.last || origin.seq > line.last.seq)) line.last = { seq: origin.seq, at: origin.at };
      const author: Author = origin?.author ?? "room";
      if (author === "agent") {
        line.agent++;
        line.agentSeqs.add(origin!.seq);
      } else if (author === "candidate") {
        if (pasteSeq !== undefined) {
          line.pasted++;
          line.pasteSeqs.add(pasteSeq);
        } else line.typed++;
      } else line.room++;
    },
    (deletedBy) => {
      if (deletedBy === "candidate") lines[lines.length - 1]!.candidateDeleted = true;
    },
  );
  return lines;
}

export function lineSource(line: LineTally): LineSource | null {
  if (line.blank) return null;
  if (line.agent > 0) return line.typed + line.pasted > 0 || line.candidateDeleted ? "agent_edited" : "agent";
  if (line.typed === 0 && line.pasted === 0) return "starter";
  if (line.pasted >= line.typed && line.pasted >= line.room) return "pasted";
  return line.typed >= line.room ? "typed" : "starter";
}

export function fileProvenance(path: string, lines: LineTally[], originAt: number): FileProvenance {
  const counts = emptySourceCounts();
  const ranges: LineRange[] = [];
  lines.forEach((line, index) => {
    const source = lineSource(line);
    if (!source) return;
    counts[source]++;
    const written = line.last ? { seq: line.last.seq, t: line.last.at - originAt } : null;
    const last = ranges[ranges.length - 1];
    if (last && last.source === source && last.to === index) {
      last.to = index + 1;
      if (written && (!last.lastWritten || written.seq > last.lastWritten.seq)) last.lastWritten = written;
    } else ranges.push({ from: index + 1, to: index + 1, source, lastWritten: written });
  });
  return { path, lineCount: lines.length, ranges, counts };
}

export interface ProvenanceResult {
  provenance: Provenance;
  /** Per file, per line: the paste signals and agent edits whose text the line still holds. */
  lineOrigins: Map<string, LineTally[]>;
}

export function finalProvenance(history: DocumentHistory, originAt: number): ProvenanceResult {
  const files = history.doc.getMap<Y.Text>("files");
  const paths = [...files.keys()].sort();
  const counts = emptySourceCounts();
  const lineOrigins = new Map<string, LineTally[]>();
  const perFile: FileProvenance[] = [];
  for (const path of paths) {
    const text = files.get(path);
    if (!text || typeof text.toString !== "function" || !("_start" in text)) continue;
    const lines = tallyLines(history, text);
    lineOrigins.set(path, lines);
    const file = fileProvenance(path, lines, originAt);
    perFile.push(file);
    for (const source of Object.keys(counts) as LineSource[]) counts[source] += file.counts[source];
  }
  return { provenance: { files: perFile, counts }, lineOrigins };
}

/** Non-blank lines holding characters of the agent edit `seq`, in the files it touched, as the document is now. */
export function linesWrittenBy(history: DocumentHistory, seq: number, paths: Iterable<string>): number {
  const files = history.doc.getMap<Y.Text>("files");
  let count = 0;
  for (const path of new Set(paths)) {
    const text = files.get(path);
    if (!text || !("_start" in text)) continue;
    count += tallyLines(history, text).filter((line) => line.agentSeqs.has(seq)).length;
  }
  return count;
}
