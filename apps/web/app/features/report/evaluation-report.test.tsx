// @vitest-environment jsdom
import "../interview/dom-test-setup";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { EvaluationReport } from "./evaluation-report";
import { REPLAY_PATH, evaluationFixture } from "./report-fixture";
import { formatDuration, replayAt, summariseSources } from "./report-format";

const renderReport = (overrides: Parameters<typeof evaluationFixture>[0] = {}) => render(<EvaluationReport evaluation={evaluationFixture(overrides)} replayPath={REPLAY_PATH} />);

describe("report-format", () => {
  it("links a moment (ms) into the replay, which reads ?t= in seconds", () => {
    expect(replayAt("/app/sessions/s1/replay", 125_400)).toBe("/app/sessions/s1/replay?t=125.4");
    expect(replayAt("/app/sessions/s1/replay", -3)).toBe("/app/sessions/s1/replay?t=0");
  });

  it("writes durations and the provenance summary in words", () => {
    expect(formatDuration(45_000)).toBe("45 s");
    expect(formatDuration(185_000)).toBe("3 min 5 s");
    expect(summariseSources({ typed: 2, pasted: 1, agent: 0, agent_edited: 0, starter: 0 })).toBe("3 non-blank lines: 2 typed, 1 pasted.");
  });
});

describe("EvaluationReport", () => {
  it("shows the status with progress text while queued or running, and no rubric yet", () => {
    renderReport({ status: "RUNNING", measured: null, rubric: { status: "pending", note: null, dimensions: [], samples: null } });
    expect(screen.getByRole("status").textContent).toMatch(/Running: measuring the recording/);
    expect(screen.queryByRole("region", { name: "Rubric" })).toBeNull();
  });

  it("shows a failed evaluation with its error", () => {
    renderReport({ status: "FAILED", attempts: 5, lastError: "database unavailable", measured: null });
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toMatch(/after 5 attempts/);
    expect(alert.textContent).toMatch(/database unavailable/);
  });

  it("per question: hidden pass rate, times to first run and pass, and each run linked to its moment", () => {
    renderReport();
    const questions = screen.getByRole("region", { name: "Questions" });
    expect(within(questions).getByText(/7\/10 passed \(70 %\)/)).toBeTruthy();
    expect(within(questions).getByRole("link", { name: "after 2 min 5 s" }).getAttribute("href")).toBe(`${REPLAY_PATH}?t=125`);
    expect(within(questions).getByRole("link", { name: "after 10 min" }).getAttribute("href")).toBe(`${REPLAY_PATH}?t=600`);
    const runs = within(questions).getByRole("list", { name: "Test runs of question 1" });
    expect(within(runs).getAllByRole("link").map((a) => a.textContent)).toEqual(["2:05 · 1/3 failed (candidate)", "10:00 · 3/3 passed (AI agent)"]);
  });

  it("pictures the provenance with a legend and a text summary, never colour alone", () => {
    renderReport();
    const ai = screen.getByRole("region", { name: "AI collaboration" });
    const strip = within(ai).getByRole("img", { name: /Origin of the lines of src\/limiter\.ts/ });
    expect(strip.getAttribute("aria-label")).toContain("20 non-blank lines: 8 typed, 8 ai-written, then edited, 4 starter code.");
    const legend = within(ai).getByRole("list", { name: "Legend" });
    expect(within(legend).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Typed", "Pasted", "Written by the AI agent", "AI-written, then edited", "Starter code"]);
    expect(within(ai).getByText(/Lines 13–20: AI-written, then edited/)).toBeTruthy();
    expect(within(ai).getByText("80 % (8 of 10)")).toBeTruthy();
    expect(within(ai).getByText("1 of 1")).toBeTruthy();
    expect(within(ai).getByText("$1.23")).toBeTruthy();
  });

  it("lists pastes and time away with replay links, in neutral words", () => {
    renderReport();
    const signals = screen.getByRole("region", { name: "Session signals" });
    expect(within(signals).getByRole("link", { name: "3:20" }).getAttribute("href")).toBe(`${REPLAY_PATH}?t=200`);
    expect(within(signals).getByText(/120 characters \(4 lines\)/)).toBeTruthy();
    expect(within(signals).getByRole("link", { name: "6:40" }).getAttribute("href")).toBe(`${REPLAY_PATH}?t=400`);
    expect(within(signals).getByText(/1 time, 1 min 35 s in all/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/cheat|suspicious|violation/i);
  });

  it("shows the rubric: median level, spread, the review flag, claims with quoted lines and replay links", () => {
    renderReport();
    const rubric = screen.getByRole("region", { name: "Rubric" });
    const quality = within(rubric).getByRole("article", { name: /Code quality: level 3 of 4/ });
    expect(within(quality).getByText(/Samples scored 3, 3, 4 \(spread 1 level\)/)).toBeTruthy();
    expect(within(quality).queryByText("Needs human review")).toBeNull();
    expect(within(quality).getByText("const buckets = new Map<string, Bucket>();").tagName).toBe("PRE");
    expect(within(quality).getByText(/lines 5–6/)).toBeTruthy();
    expect(within(quality).getByRole("link", { name: "Replay at 5:00" }).getAttribute("href")).toBe(`${REPLAY_PATH}?t=300`);
    const ai = within(rubric).getByRole("article", { name: /AI collaboration: level 2 of 4/ });
    expect(within(ai).getByText("Needs human review")).toBeTruthy();
    expect(within(rubric).getByText(/1 claim whose evidence did not check out was left out/)).toBeTruthy();
  });

  it("says the rubric needs the key when there is none, with the measured part still shown", () => {
    renderReport({ rubric: { status: "needs_key", note: null, dimensions: [], samples: null } });
    const rubric = screen.getByRole("region", { name: "Rubric" });
    expect(rubric.textContent).toMatch(/needs the Anthropic API key/);
    expect(screen.getByRole("region", { name: "Questions" })).toBeTruthy();
  });
});
