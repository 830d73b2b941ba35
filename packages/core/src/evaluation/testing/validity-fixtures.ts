// Validity fixtures: five interviews on the same task, scripted as the room records them —
// strong solo, weak solo, strong with careful AI use, AI over-reliance (accepts everything,
// never runs the tests) and paste-heavy. The measured part must rank them as a reviewer would
// (validity.test.ts); `npm run eval:stability` runs the judge on them.
import type { SessionQuestionInput } from "../measure/test-runs.ts";
import { hiddenResult, ScriptedSession } from "./scripted-session.ts";

export const FIXTURE_START = Date.UTC(2026, 0, 5, 9, 0, 0);
const STARTER = { "solution.py": "def group_anagrams(words):\n    pass\n" };
const SOLUTION = [
  "from collections import defaultdict",
  "",
  "",
  "def group_anagrams(words):",
  "    groups = defaultdict(list)",
  "    for word in words:",
  "        groups[''.join(sorted(word))].append(word)",
  "    return list(groups.values())",
  "",
].join("\n");

export interface ValidityFixture {
  name: "strong_solo" | "weak_solo" | "careful_ai" | "ai_over_reliance" | "paste_heavy";
  events: ScriptedSession["events"];
  endAt: number;
  questions: SessionQuestionInput[];
}

const question = (passed: number, status?: string): SessionQuestionInput[] => [{ position: 0, questionId: "q1", title: "Group anagrams", hiddenTestResult: hiddenResult(passed, 5, status) }];

function begin(): ScriptedSession {
  const s = new ScriptedSession(FIXTURE_START).starter(STARTER, "Group anagrams");
  s.wait(30_000).erase("solution.py", 0, s.text("solution.py").length);
  return s;
}

function strongSolo(): ValidityFixture {
  const s = begin();
  for (const line of SOLUTION.split("\n")) s.wait(20_000).type("solution.py", `${line}\n`);
  s.wait(10_000).runTests(3, 3);
  s.wait(30_000).type("solution.py", "\n# Empty input gives an empty list.\n").runTests(3, 3);
  return { name: "strong_solo", events: s.finish().events, endAt: s.at, questions: question(5) };
}

function weakSolo(): ValidityFixture {
  const s = begin();
  s.wait(60_000).type("solution.py", "def group_anagrams(words):\n    result = []\n    for w in words:\n        result.append([w])\n    return result\n");
  for (let i = 0; i < 4; i++) s.wait(90_000).runTests(1, 3).wait(30_000).type("solution.py", `# try ${i}\n`);
  s.focusLost(240_000);
  return { name: "weak_solo", events: s.finish().events, endAt: s.at, questions: question(1) };
}

function carefulAi(): ValidityFixture {
  const s = begin();
  s.wait(20_000).type("solution.py", "from collections import defaultdict\n\n\ndef group_anagrams(words):\n");
  s.agentWrites("solution.py", "In group_anagrams, how do I key a dict by a word's letters regardless of order? Only the loop, please.", "    groups = defaultdict(list)\n    for word in words:\n        groups[sorted(word)].append(word)\n");
  s.wait(10_000).runTests(0, 3);
  // The agent's key was a list (unhashable): the candidate fixes that line themselves.
  const text = s.text("solution.py");
  const at = text.indexOf("sorted(word)");
  s.wait(30_000).erase("solution.py", at, "sorted(word)".length).type("solution.py", "''.join(sorted(word))", at);
  s.wait(10_000).type("solution.py", "    return list(groups.values())\n").runTests(3, 3);
  s.agentWrites("solution.py", "Suggest an edge case test I may have missed for empty strings.", "# Edge: '' groups with ''.\n");
  s.wait(10_000).runTests(3, 3);
  return { name: "careful_ai", events: s.finish().events, endAt: s.at, questions: question(5) };
}

function aiOverReliance(): ValidityFixture {
  const s = begin();
  s.agentWrites("solution.py", "solve it", SOLUTION.replace("''.join(sorted(word))", "str(sorted(word))"));
  s.wait(30_000).agentWrites("solution.py", "make it better", "\n\ndef helper(words):\n    return group_anagrams(words)\n");
  s.wait(30_000).agentWrites("solution.py", "add comments", "# Groups words that are anagrams.\n");
  return { name: "ai_over_reliance", events: s.finish().events, endAt: s.at, questions: question(3) };
}

function pasteHeavy(): ValidityFixture {
  const s = begin();
  s.focusLost(120_000);
  s.wait(2_000).paste("solution.py", SOLUTION);
  s.focusLost(60_000);
  s.wait(2_000).paste("solution.py", "\ndef unused(x):\n    return x\n");
  s.wait(20_000).runTests(3, 3);
  return { name: "paste_heavy", events: s.finish().events, endAt: s.at, questions: question(4) };
}

export function validityFixtures(): ValidityFixture[] {
  return [strongSolo(), weakSolo(), carefulAi(), aiOverReliance(), pasteHeavy()];
}
