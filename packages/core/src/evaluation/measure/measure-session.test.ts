import { describe, expect, it } from "vitest";
import { CANDIDATE, hiddenResult, ScriptedSession } from "../testing/scripted-session.ts";
import { measureSession } from "./measure-session.ts";

const START = Date.UTC(2026, 0, 5, 9, 0, 0);

function measure(session: ScriptedSession, hidden = hiddenResult(3, 4)) {
  return measureSession({ originAt: START, endAt: session.at, events: session.events, questions: [{ position: 0, questionId: "q1", title: "Question 1", hiddenTestResult: hidden }] });
}

function mixedSession() {
  const s = new ScriptedSession(START);
  s.starter({ "solution.py": "def solve(items):\n    pass\n" });
  s.wait(60_000).type("solution.py", "# typed by hand\n");
  s.wait(5_000).paste("solution.py", "def pasted():\n    return 1\n");
  s.wait(30_000);
  const agentSeq = s.agentWrites("solution.py", "Write a helper that doubles a number", "def helper(x):\n    return x * 2\n");
  s.wait(10_000);
  s.agentWrites("solution.py", "Add a tripling helper", "def triple(x):\n    return x * 3\n");
  // The candidate edits the agent's second helper: 3 → 4.
  const text = s.text("solution.py");
  const at = text.indexOf("x * 3") + 4;
  s.wait(5_000).erase("solution.py", at, 1).type("solution.py", "4", at);
  s.wait(20_000).focusLost(45_000);
  s.wait(10_000).runTests(2, 3).wait(60_000).runTests(3, 3);
  s.finish();
  return { s, agentSeq };
}

describe("measureSession", () => {
  it("tells typed, pasted, agent, agent-then-edited and starter lines apart in the final code", () => {
    const { s } = mixedSession();
    const m = measure(s);
    const file = m.provenance.files.find((f) => f.path === "solution.py")!;
    const lines = s.text("solution.py").split("\n");
    const sourceOf = (needle: string) => {
      const line = lines.findIndex((l) => l.includes(needle)) + 1;
      return file.ranges.find((r) => r.from <= line && line <= r.to)?.source;
    };
    expect(sourceOf("def solve")).toBe("starter");
    expect(sourceOf("# typed by hand")).toBe("typed");
    expect(sourceOf("def pasted")).toBe("pasted");
    expect(sourceOf("return 1")).toBe("pasted");
    expect(sourceOf("def helper")).toBe("agent");
    expect(sourceOf("x * 2")).toBe("agent");
    expect(sourceOf("def triple")).toBe("agent");
    expect(sourceOf("x * 4")).toBe("agent_edited");
    expect(m.provenance.counts).toEqual({ starter: 2, typed: 1, pasted: 2, agent: 3, agent_edited: 1 });
    // Each range links to the replay where its lines were last written.
    const edited = file.ranges.find((r) => r.source === "agent_edited")!;
    expect(s.events[edited.lastWritten!.seq - 1]).toMatchObject({ type: "yjs.update", actor: CANDIDATE });
    const pasted = file.ranges.find((r) => r.source === "pasted")!;
    expect(edited.lastWritten!.t).toBeGreaterThan(pasted.lastWritten!.t);
  });

  it("counts the agent's lines written and kept, and which of its edits the candidate tested", () => {
    const { s, agentSeq } = mixedSession();
    const m = measure(s);
    expect(m.ai.prompts).toBe(2);
    expect(m.ai.toolCalls).toBe(2);
    expect(m.ai.inputTokens).toBe(2000);
    expect(m.ai.costMicroUsd).toBe(12_000);
    expect(m.ai.agentLinesWritten).toBe(4);
    expect(m.ai.agentLinesKept).toBe(4);
    expect(m.ai.agentLinesKeptShare).toBe(1);
    expect(m.ai.agentEdits.map((e) => e.seq)[0]).toBe(agentSeq);
    expect(m.ai.agentEditsTested).toBe(2);
  });

  it("measures test runs, pastes, focus losses and the hidden pass rate with moments to link to", () => {
    const { s } = mixedSession();
    const m = measure(s);
    const q = m.questions[0]!;
    expect(q.hidden).toEqual({ passed: 3, total: 4, ratio: 0.75, finished: true });
    expect(q.runs.map((r) => [r.passed, r.total, r.by])).toEqual([
      [2, 3, "candidate"],
      [3, 3, "candidate"],
    ]);
    expect(q.firstPass!.seq).toBe(q.runs[1]!.seq);
    expect(q.timeToFirstPassMs).toBe(q.firstPass!.t);
    expect(s.events[q.firstPass!.seq - 1]!.type).toBe("tests.finished");
    expect(m.pastes).toHaveLength(1);
    expect(m.pastes[0]).toMatchObject({ path: "solution.py", length: 27, linesInFinal: 2 });
    expect(m.editing.pastedChars).toBe(27);
    expect(m.focusLosses).toHaveLength(1);
    expect(m.focusLosses[0]!.durationMs).toBe(45_000);
    expect(s.events[m.focusLosses[0]!.seq - 1]!).toMatchObject({ type: "signal.focus", actor: CANDIDATE });
  });

  it("a run stopped by a limit never counts as a full hidden pass", () => {
    const { s } = mixedSession();
    const m = measure(s, hiddenResult(4, 4, "timeout"));
    expect(m.questions[0]!.hidden).toEqual({ passed: 4, total: 5, ratio: 0.8, finished: false });
  });

  it("gives identical output when measured again", () => {
    const { s } = mixedSession();
    expect(JSON.stringify(measure(s))).toBe(JSON.stringify(measure(s)));
  });

  it("an agent edit the candidate never tested is reported untested", () => {
    const s = new ScriptedSession(START).starter({ "a.py": "x = 1\n" });
    s.runTests(0, 1);
    s.agentWrites("a.py", "fix it", "y = 2\n");
    const m = measure(s.finish());
    expect(m.ai.agentEdits).toHaveLength(1);
    expect(m.ai.agentEdits[0]!.testedBy).toBeNull();
    expect(m.ai.agentEditsTested).toBe(0);
  });

  it("a session with no recording gives empty, zeroed figures rather than failing", () => {
    const m = measureSession({ originAt: START, endAt: START + 60_000, events: [], questions: [{ position: 0, questionId: "q1", title: "Question 1", hiddenTestResult: null }] });
    expect(m).toMatchObject({ eventCount: 0, lastSeq: 0, durationMs: 60_000, finalFiles: [], pastes: [], focusLosses: [] });
    expect(m.questions[0]).toMatchObject({ hidden: null, hiddenError: "The question was not evaluated.", runs: [], firstRun: null });
    expect(m.ai).toMatchObject({ prompts: 0, agentLinesKeptShare: null });
    expect(m.scores).toMatchObject({ hiddenPassRate: 0, typedShare: null, testedAgentEditShare: null });
  });
});
