import { describe, expect, it } from "vitest";
import { sortRows, type CompareRowView } from "./compare-sort";

const row = (name: string, over: Partial<CompareRowView> = {}): CompareRowView => ({
  candidateId: name, candidateName: name, candidateStatus: "EVALUATED", sessionId: `s-${name}`, evaluationStatus: "DONE",
  hiddenPassRate: null, firstPassMs: null, aiKeptShare: null, rubric: {}, needsReview: false, ...over,
});

const names = (rows: CompareRowView[]) => rows.map((r) => r.candidateName);

describe("sorting the comparison", () => {
  const rows = [
    row("Cleo", { hiddenPassRate: 0.5, firstPassMs: 90_000, rubric: { code_quality: { level: 3, needsReview: false } } }),
    row("ada", { hiddenPassRate: 1, firstPassMs: 30_000, rubric: { code_quality: { level: 2, needsReview: true } } }),
    row("Bo", { candidateStatus: "INVITED", sessionId: null, evaluationStatus: null }),
  ];

  it("orders names case-insensitively, both ways", () => {
    expect(names(sortRows(rows, "candidate", "ascending"))).toEqual(["ada", "Bo", "Cleo"]);
    expect(names(sortRows(rows, "candidate", "descending"))).toEqual(["Cleo", "Bo", "ada"]);
  });

  it("keeps candidates without a figure last in either direction", () => {
    expect(names(sortRows(rows, "hiddenPassRate", "descending"))).toEqual(["ada", "Cleo", "Bo"]);
    expect(names(sortRows(rows, "hiddenPassRate", "ascending"))).toEqual(["Cleo", "ada", "Bo"]);
    expect(names(sortRows(rows, "firstPassMs", "ascending"))).toEqual(["ada", "Cleo", "Bo"]);
  });

  it("sorts by a rubric dimension's median level", () => {
    expect(names(sortRows(rows, "rubric:code_quality", "descending"))).toEqual(["Cleo", "ada", "Bo"]);
  });

  it("sorts by the status's words and leaves ties in their original order", () => {
    expect(names(sortRows(rows, "status", "ascending"))).toEqual(["Cleo", "ada", "Bo"]);
  });
});
