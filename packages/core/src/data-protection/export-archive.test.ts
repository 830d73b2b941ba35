import { describe, expect, it } from "vitest";
import { archivePath, eventForAudience, exportFilename, recordingLine } from "./export-archive.ts";
import type { CandidateExport } from "./export-collect.ts";
import { maskEmail } from "./export-service.ts";

const event = (type: string, actor: string, payload: Record<string, unknown> = {}) => ({ seq: 1, at: Date.UTC(2026, 0, 1), type, actor, payload }) as Parameters<typeof eventForAudience>[0];

describe("export archive", () => {
  it("keeps workspace paths inside files/: no absolute paths, no climbing out", () => {
    expect(archivePath("src/main.py")).toBe("files/src/main.py");
    expect(archivePath("/etc/passwd")).toBe("files/etc/passwd");
    expect(archivePath("../../outside.txt")).toBe("files/outside.txt");
    expect(archivePath("a\\..\\b.txt")).toBe("files/a/b.txt");
    expect(archivePath("./")).toBe("files/unnamed");
  });

  it("leaves reviewers' notes and presence out of the candidate's recording, not the organisation's", () => {
    const note = event("note.added", "reviewer:u1", { text: "private" });
    const reviewerJoined = event("presence.joined", "room", { role: "reviewer", userId: "u1" });
    const candidateJoined = event("presence.joined", "candidate:c1", { role: "candidate" });
    const typing = event("terminal.input", "candidate:c1", { data: "ls\r" });
    expect([note, reviewerJoined, candidateJoined, typing].map((e) => eventForAudience(e, "candidate"))).toEqual([false, false, true, true]);
    expect([note, reviewerJoined, candidateJoined, typing].every((e) => eventForAudience(e, "organization"))).toBe(true);
  });

  it("writes one JSON line per event, with an ISO time and any text kept exactly", () => {
    const line = recordingLine(event("terminal.output", "room", { data: "é\u0000\ud800" }));
    expect(line.endsWith("\n")).toBe(true);
    expect(JSON.parse(line)).toEqual({ seq: 1, at: "2026-01-01T00:00:00.000Z", type: "terminal.output", actor: "room", payload: { data: "é\u0000\ud800" } });
  });

  it("names the file after the organisation, the candidate and the day, in plain characters", () => {
    const data = { organization: { name: "Zoë & Co." }, candidate: { name: "Ada \"Lovelace\"/../" }, exportedAt: "2026-12-07T09:00:00.000Z" } as unknown as CandidateExport;
    expect(exportFilename(data)).toBe("zoe-co-ada-lovelace-2026-12-07.zip");
  });

  it("masks the address it mails to", () => {
    expect(maskEmail("ada@example.com")).toBe("a••@example.com");
    expect(maskEmail("a@example.com")).toBe("a••@example.com");
    expect(maskEmail("grace.hopper@navy.mil")).toBe("g••••••@navy.mil");
  });
});
