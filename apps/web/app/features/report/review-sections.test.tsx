// @vitest-environment jsdom
import "../interview/dom-test-setup";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { describeLeftOut, RecommendationSection } from "./recommendation-section";
import { REPLAY_PATH } from "./report-fixture";
import { decisionHeadline, type DecisionView, type RecommendationView } from "./review-format";
import { ReviewerNotesSection } from "./reviewer-notes-section";

const recommendation = (overrides: Partial<RecommendationView> = {}): RecommendationView => ({
  outcome: "leaning_no",
  label: "Leaning no",
  score: 0.4,
  basis: "measured_and_rubric",
  basisNote: null,
  reasons: [
    { signal: "hiddenTests", label: "Hidden tests passed", value: 0.25, shown: "25 % of hidden tests passed", weight: 4, share: 0.5, direction: "against" },
    { signal: "codeQuality", label: "Code quality", value: 2 / 3, shown: "level 3 of 4", weight: 4, share: 0.5, direction: "for" },
  ],
  leftOut: [{ signal: "communication", label: "Communication", why: "weighted 0 in this assessment" }],
  ...overrides,
});
const decision = (outcome: DecisionView["outcome"]): DecisionView => ({ id: "d1", outcome, reason: "Strong debugging.", recommendation: "leaning_no", recommendationLabel: "Leaning no", decidedByName: "Rhea", createdAt: new Date("2026-12-07T09:00:00.000Z") });

describe("decisionHeadline", () => {
  it("says the decision overrides the recommendation, or agrees with it", () => {
    expect(decisionHeadline({ outcome: "ADVANCE" }, { outcome: "leaning_no", label: "Leaning no" })).toBe("Decision: Advance — overrides recommendation: Leaning no");
    expect(decisionHeadline({ outcome: "REJECT" }, { outcome: "no", label: "No" })).toBe("Decision: Reject — agrees with recommendation: No");
    expect(decisionHeadline({ outcome: "HOLD" }, { outcome: "yes", label: "Yes" })).toBe("Decision: Hold — overrides recommendation: Yes");
    expect(decisionHeadline({ outcome: "HOLD" }, null)).toBe("Decision: Hold");
  });
});

describe("RecommendationSection", () => {
  it("shows the outcome, the weighted score, each reason with its direction and weight, and what was not counted", () => {
    render(<RecommendationSection review={{ recommendation: recommendation(), decision: null }} />);
    const section = screen.getByRole("region", { name: "Recommendation" });
    expect(within(section).getByText("Leaning no")).toBeTruthy();
    expect(within(section).getByText("weighted score 40 %")).toBeTruthy();
    const reasons = within(section).getByRole("list", { name: "Reasons" });
    expect(within(reasons).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Against: Hidden tests passed, 25 % of hidden tests passed (weight 4, 50 % of the total)",
      "For: Code quality, level 3 of 4 (weight 4, 50 % of the total)",
    ]);
    expect(within(section).getByText("Not counted: communication (weighted 0 in this assessment).")).toBeTruthy();
    expect(within(section).queryByText("Measured part only")).toBeNull();
  });

  it("says 'measured part only' and why when the rubric did not count", () => {
    render(<RecommendationSection review={{ recommendation: recommendation({ basis: "measured_only", basisNote: "Measured part only: the rubric needs the Anthropic API key." }), decision: null }} />);
    expect(screen.getByText("Measured part only")).toBeTruthy();
    expect(screen.getByText("Measured part only: the rubric needs the Anthropic API key.")).toBeTruthy();
  });

  it("groups what was not counted by why", () => {
    const why = "the rubric needs the Anthropic API key";
    expect(describeLeftOut([{ signal: "codeQuality", label: "Code quality", why }, { signal: "problemSolving", label: "Problem solving", why }, { signal: "communication", label: "Communication", why: "weighted 0 in this assessment" }])).toBe(
      "code quality, problem solving (the rubric needs the Anthropic API key); communication (weighted 0 in this assessment)",
    );
  });

  it("puts the human decision above the recommendation it overrides", () => {
    render(<RecommendationSection review={{ recommendation: recommendation(), decision: decision("ADVANCE") }} />);
    const section = screen.getByRole("region", { name: "Recommendation" });
    expect(within(section).getByText("Decision: Advance — overrides recommendation: Leaning no")).toBeTruthy();
    expect(within(section).getByText("Computed from the scores:")).toBeTruthy();
  });

  it("waits for the evaluation before recommending", () => {
    render(<RecommendationSection review={{ recommendation: null, decision: null }} />);
    expect(screen.getByText("Computed when the evaluation is done.")).toBeTruthy();
  });
});

describe("ReviewerNotesSection", () => {
  it("lists each note with its author and a link to its moment in the replay", () => {
    render(<ReviewerNotesSection notes={[{ id: "n1", seq: 7, t: 125_400, authorName: "Rhea", text: "Asked about edge cases." }]} replayPath={REPLAY_PATH} />);
    const notes = screen.getByRole("list", { name: "Reviewers' notes" });
    expect(within(notes).getByRole("link", { name: "2:05" }).getAttribute("href")).toBe(`${REPLAY_PATH}?t=125.4`);
    expect(within(notes).getByText("Asked about edge cases.")).toBeTruthy();
    expect(within(notes).getByText("· Rhea")).toBeTruthy();
  });

  it("says how notes get there when there are none", () => {
    render(<ReviewerNotesSection notes={[]} replayPath={REPLAY_PATH} />);
    expect(screen.getByRole("region", { name: "Reviewers' notes" }).textContent).toMatch(/No notes were taken/);
  });
});
