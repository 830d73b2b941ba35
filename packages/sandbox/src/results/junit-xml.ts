import { SaxesParser } from "saxes";
import type { RunnerTestEvent } from "./test-events.ts";

// Turns what runners/java/run-tests.sh writes — "#javaclass <package.Class> <file>" lines, then
// each JUnit XML report of the JUnit Platform console launcher after a "#javareport <name>" line,
// then "#javaend" once the launcher finished — into the JSON-lines events every runner speaks
// (test-events.ts). Reading JUnit's own format on the host keeps the sandbox free of a converter.
// The reports are written when the run ends; without "#javaend" the run stopped part-way and no
// "end" event is emitted (the service then reports the run as unfinished).

const MAX_TEXT = 64 * 1024;
const ASSERTION_TYPES = new Set(["org.opentest4j.AssertionFailedError", "java.lang.AssertionError", "org.opentest4j.MultipleFailuresError"]);
// Stack frames of the test framework and of reflection: noise around the candidate's own frames.
const FRAMEWORK_FRAME = /^\s+at (org\.junit\.|org\.opentest4j\.|java\.base\/(jdk\.internal\.|java\.lang\.reflect\.|java\.util\.)|jdk\.internal\.)/;

interface Problem {
  kind: "failure" | "error" | "skipped";
  message: string | null;
  type: string | null;
  text: string;
}

interface TestCase {
  name: string;
  classname: string;
  timeS: number;
  problem: Problem | null;
  /** Captured stdout/stderr blocks, in report order (the first stdout block is JUnit's own entries). */
  streams: string[];
}

export function junitReportsToRunnerEvents(text: string): string {
  const classFiles = new Map<string, string>();
  const reports: string[] = [];
  let ended = false;
  let current: string[] | null = null;
  for (const line of text.split("\n")) {
    if (current === null && line.startsWith("#javaclass ")) {
      const [className, ...file] = line.slice("#javaclass ".length).split(" ");
      if (className && file.length > 0) classFiles.set(className, file.join(" "));
    } else if (line.startsWith("#javareport ")) {
      current = [];
      reports.push("");
    } else if (line === "#javaend") {
      ended = true;
    } else if (current !== null) {
      reports[reports.length - 1] += `${line}\n`;
    }
  }

  const events: string[] = [];
  for (const report of reports) {
    for (const test of parseReport(report)) events.push(JSON.stringify(toEvent(test, classFiles)));
  }
  if (ended) events.push(JSON.stringify({ event: "end" }));
  return events.join("\n");
}

/** The test cases of one JUnit XML report; a report that does not parse yields the cases read before the fault. */
export function parseReport(xml: string): TestCase[] {
  const cases: TestCase[] = [];
  const parser = new SaxesParser();
  let test: TestCase | null = null;
  let text: string | null = null;
  let problem: Problem | null = null;
  parser.on("opentag", (tag) => {
    const attr = (name: string) => (typeof tag.attributes[name] === "string" ? (tag.attributes[name] as string) : null);
    if (tag.name === "testcase") {
      test = { name: attr("name") ?? "", classname: attr("classname") ?? "", timeS: Number(attr("time") ?? 0) || 0, problem: null, streams: [] };
    } else if (test && (tag.name === "failure" || tag.name === "error" || tag.name === "skipped")) {
      problem = { kind: tag.name, message: attr("message"), type: attr("type"), text: "" };
      text = "";
    } else if (test && (tag.name === "system-out" || tag.name === "system-err")) {
      text = "";
    }
  });
  const collect = (chunk: string) => {
    if (text !== null) text += chunk;
  };
  parser.on("text", collect);
  parser.on("cdata", collect);
  parser.on("closetag", (tag) => {
    if (!test) return;
    if (tag.name === "testcase") {
      cases.push(test);
      test = null;
    } else if (problem && (tag.name === "failure" || tag.name === "error" || tag.name === "skipped")) {
      test.problem = { ...problem, text: text ?? "" };
      problem = null;
      text = null;
    } else if (tag.name === "system-out" || tag.name === "system-err") {
      test.streams.push(text ?? "");
      text = null;
    }
  });
  try {
    parser.write(xml).close();
  } catch {
    // A report cut short or forged by the code under test: keep what was read.
  }
  return cases;
}

function toEvent(test: TestCase, classFiles: ReadonlyMap<string, string>): RunnerTestEvent & { event: "test" } {
  const topLevel = test.classname.split("$")[0] ?? "";
  const problem = test.problem;
  const status: RunnerTestEvent["status"] = problem === null ? "passed" : problem.kind === "skipped" ? "skipped" : "failed";
  return {
    event: "test",
    name: testName(test.classname, test.name),
    file: classFiles.get(topLevel) ?? null,
    status,
    durationMs: test.timeS * 1000,
    message: problem ? problemMessage(problem) : null,
    details: problem && problem.kind !== "skipped" ? clip(stackTrace(problem.text)) : null,
    output: clip(capturedOutput(test.streams)),
  };
}

/**
 * "SumTest.sumsAList" for `sumsAList()` in class `com.example.SumTest`; a parameterised case keeps
 * its index ("SumTest.adds[2]") and a nested class its outer one ("SumTest.Empty.isZero").
 */
export function testName(classname: string, legacyName: string): string {
  const simpleClass = (classname.slice(classname.lastIndexOf(".") + 1) || classname).replace(/\$/g, ".");
  const invocation = /\[\d+\]$/.exec(legacyName)?.[0] ?? "";
  const method = legacyName.replace(/\[\d+\]$/, "").replace(/\(.*\)$/s, "");
  return `${simpleClass}.${method}${invocation}`;
}

function problemMessage(problem: Problem): string | null {
  if (problem.kind === "skipped") return problem.text.trim() || null;
  // Assertion messages speak for themselves; any other exception is named ("java.lang.ArithmeticException: / by zero").
  if (problem.type && ASSERTION_TYPES.has(problem.type)) return clip(problem.message ?? problem.type);
  const type = problem.type ?? "exception";
  return clip(problem.message ? `${type}: ${problem.message}` : type);
}

/** The exception and the frames of the candidate's code and tests, without JUnit's and reflection's. */
function stackTrace(text: string): string | null {
  const lines = text.trim().split("\n").filter((line) => !FRAMEWORK_FRAME.test(line));
  return lines.join("\n").trim() || null;
}

/** What the test printed: every captured block but the first stdout block (JUnit's unique-id and display name). */
function capturedOutput(streams: readonly string[]): string {
  const blocks = streams.slice(1).map((block) => block.replace(/^\n/, "").replace(/\n$/, ""));
  return blocks.join("").trim() === "" ? "" : blocks.join("");
}

function clip(text: string): string;
function clip(text: string | null): string | null;
function clip(text: string | null): string | null {
  if (text === null) return null;
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT)}\n... [truncated]`;
}
