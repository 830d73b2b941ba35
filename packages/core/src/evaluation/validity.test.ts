// Validity: the measured part ranks the five scripted interviews as a reviewer would, and
// measuring any of them again gives the same JSON.
import { describe, expect, it } from "vitest";
import { measureSession } from "./measure/measure-session.ts";
import { FIXTURE_START, validityFixtures } from "./testing/validity-fixtures.ts";

const measured = Object.fromEntries(
  validityFixtures().map((f) => [f.name, measureSession({ originAt: FIXTURE_START, endAt: f.endAt, events: f.events, questions: f.questions })]),
);
const score = (name: string) => measured[name]!.scores;

describe("validity fixtures", () => {
  it("rank by hidden-test correctness: strong and careful first, weak last", () => {
    const order = Object.keys(measured).sort((a, b) => score(b).hiddenPassRate - score(a).hiddenPassRate || a.localeCompare(b));
    expect(order).toEqual(["careful_ai", "strong_solo", "paste_heavy", "ai_over_reliance", "weak_solo"]);
  });

  it("the strong solo candidate typed the code; the over-reliant one let the agent write it; the paste-heavy one pasted it", () => {
    expect(score("strong_solo")).toMatchObject({ typedShare: 1, pastedShare: 0, agentShare: 0 });
    expect(score("ai_over_reliance").agentShare).toBe(1);
    expect(score("paste_heavy").pastedShare).toBeGreaterThan(0.9);
    const byTyped = Object.keys(measured).sort((a, b) => (score(b).typedShare ?? 0) - (score(a).typedShare ?? 0));
    expect(byTyped[0]).toMatch(/strong_solo|weak_solo/);
    expect(byTyped.slice(-2).sort()).toEqual(["ai_over_reliance", "paste_heavy"]);
  });

  it("careful AI use checked every agent edit with the tests and fixed one; over-reliance checked none", () => {
    expect(score("careful_ai").testedAgentEditShare).toBe(1);
    expect(score("ai_over_reliance").testedAgentEditShare).toBe(0);
    expect(score("ai_over_reliance").candidateTestRuns).toBe(0);
    expect(measured.careful_ai!.provenance.counts.agent_edited).toBe(1);
    expect(score("careful_ai").agentShare).toBeGreaterThan(0);
    expect(score("careful_ai").agentShare!).toBeLessThan(score("ai_over_reliance").agentShare!);
    expect(score("strong_solo").testedAgentEditShare).toBeNull();
  });

  it("the paste-heavy interview shows its pastes and focus losses with their moments; the strong solo shows none", () => {
    expect(measured.paste_heavy!.pastes.map((p) => p.linesInFinal)).toEqual([6, 2]);
    expect(measured.paste_heavy!.focusLosses.map((l) => l.durationMs)).toEqual([120_000, 60_000]);
    expect(measured.strong_solo!.pastes).toEqual([]);
    expect(measured.strong_solo!.focusLosses).toEqual([]);
  });

  it("the weak solo candidate never reached a passing run", () => {
    expect(measured.weak_solo!.questions[0]!.firstPass).toBeNull();
    expect(measured.weak_solo!.questions[0]!.runs).toHaveLength(4);
    expect(measured.strong_solo!.questions[0]!.timeToFirstPassMs).not.toBeNull();
  });

  it("measuring again reproduces every fixture exactly", () => {
    for (const f of validityFixtures()) {
      const again = measureSession({ originAt: FIXTURE_START, endAt: f.endAt, events: f.events, questions: f.questions });
      expect(JSON.stringify(again)).toBe(JSON.stringify(measured[f.name]));
    }
  });
});
