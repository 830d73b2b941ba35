// Sorting the comparison table: pure, so it is unit-tested without rendering. A missing value
// (not evaluated, never passed, no AI lines) always sorts last, whichever the direction, so
// the candidates with figures stay together at the top.
import type { CompareRow, Dimension } from "@interviewlm/core/evaluation";
import type { SerializeFrom } from "@remix-run/node";
import { CANDIDATE_STATUS_LABELS } from "~/features/candidates/status";

export type CompareRowView = SerializeFrom<CompareRow>;
export type SortKey = "candidate" | "status" | "hiddenPassRate" | "firstPassMs" | "aiKeptShare" | `rubric:${Dimension}`;
export type SortDirection = "ascending" | "descending";

export function sortValue(row: CompareRowView, key: SortKey): string | number | null {
  switch (key) {
    case "candidate":
      return row.candidateName.toLocaleLowerCase("en");
    case "status":
      return CANDIDATE_STATUS_LABELS[row.candidateStatus];
    case "hiddenPassRate":
      return row.hiddenPassRate;
    case "firstPassMs":
      return row.firstPassMs;
    case "aiKeptShare":
      return row.aiKeptShare;
    default:
      return row.rubric[key.slice("rubric:".length) as Dimension]?.level ?? null;
  }
}

export function sortRows(rows: readonly CompareRowView[], key: SortKey, direction: SortDirection): CompareRowView[] {
  const sign = direction === "ascending" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: sortValue(row, key) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      const order = typeof a.value === "number" && typeof b.value === "number" ? a.value - b.value : String(a.value).localeCompare(String(b.value), "en");
      return order !== 0 ? sign * order : a.index - b.index;
    })
    .map(({ row }) => row);
}

/** The direction a header's first click sorts in: best first for figures where more is better, fastest first for time. */
export function firstDirection(key: SortKey): SortDirection {
  return key === "candidate" || key === "status" || key === "firstPassMs" ? "ascending" : "descending";
}
