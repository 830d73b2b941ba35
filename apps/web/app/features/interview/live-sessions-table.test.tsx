import { describe, expect, it } from "vitest";
import { watchLinkLabels, type LiveSessionRow } from "./live-sessions-table";

const session = (id: string, candidateName: string, assessmentTitle: string, candidateEmail?: string): LiveSessionRow => ({
  sessionId: id,
  candidateName,
  candidateEmail,
  assessmentTitle,
  startedAt: "2026-01-01T09:00:00Z",
  deadlineAt: "2026-01-01T10:00:00Z",
  questionPosition: 0,
  questionCount: 2,
});

describe("Watch links on Live now", () => {
  it("give every link its own accessible name, adding detail only where names collide", () => {
    const labels = watchLinkLabels([
      session("1", "Alex Kim", "Backend screen", "alex@one.test"),
      session("2", "Alex Kim", "Backend screen", "alex@two.test"),
      session("3", "Alex Kim", "Frontend screen"),
      session("4", "Sam Lee", "Backend screen"),
      session("5", "Jo", "Screen"),
      session("6", "Jo", "Screen"),
    ]);
    expect(labels).toEqual([
      "Watch Alex Kim's interview for Backend screen (alex@one.test)",
      "Watch Alex Kim's interview for Backend screen (alex@two.test)",
      "Watch Alex Kim's interview for Frontend screen",
      "Watch Sam Lee's interview",
      "Watch Jo's interview for Screen (5)",
      "Watch Jo's interview for Screen (6)",
    ]);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
