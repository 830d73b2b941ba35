import { SaxesParser } from "saxes";
import type { RunnerTestEvent } from "./test-events.ts";

// Turns what runners/cpp/run-tests.sh writes — GoogleTest's XML report (--gtest_output=xml)
// after a "#gtestreport" line, then "#gtestend" — into the JSON-lines events every runner speaks
// (test-events.ts). The report is JUnit-like but not JUnit's: each test case names its source
// file and line, a test may carry several <failure> elements (every failed EXPECT_*), and
// disabled tests are listed as not run. GoogleTest writes the report when the last test has
// ended; without "#gtestend" the binary stopped part-way and no "end" event is emitted (the
// service then reports the run as unfinished).

const MAX_TEXT = 64 * 1024;

interface GTestCase {
  suite: string;
  name: string;
  file: string | null;
  timeS: number;
  /** GoogleTest's status: "run", or "notrun" for a DISABLED_ test. */
  run: boolean;
  failures: string[];
  skipped: string | null;
}

export function gtestReportToRunnerEvents(text: string): string {
  const start = text.indexOf("#gtestreport\n");
  if (start === -1) return "";
  const rest = text.slice(start + "#gtestreport\n".length);
  const end = rest.lastIndexOf("\n#gtestend");
  const events = parseGTestReport(end === -1 ? rest : rest.slice(0, end)).map((test) => JSON.stringify(toEvent(test)));
  if (end !== -1) events.push(JSON.stringify({ event: "end" }));
  return events.join("\n");
}

/** The test cases of a GoogleTest XML report; a report that does not parse yields the cases read before the fault. */
export function parseGTestReport(xml: string): GTestCase[] {
  const cases: GTestCase[] = [];
  const parser = new SaxesParser();
  let test: GTestCase | null = null;
  let text: string | null = null;
  parser.on("opentag", (tag) => {
    const attr = (name: string) => (typeof tag.attributes[name] === "string" ? (tag.attributes[name] as string) : null);
    if (tag.name === "testcase") {
      test = { suite: attr("classname") ?? "", name: attr("name") ?? "", file: attr("file"), timeS: Number(attr("time") ?? 0) || 0, run: attr("status") !== "notrun", failures: [], skipped: null };
    } else if (test && (tag.name === "failure" || tag.name === "skipped")) {
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
    } else if (tag.name === "failure") {
      test.failures.push(text ?? "");
      text = null;
    } else if (tag.name === "skipped") {
      test.skipped = text ?? "";
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

function toEvent(test: GTestCase): RunnerTestEvent & { event: "test" } {
  const status: RunnerTestEvent["status"] = test.failures.length > 0 ? "failed" : !test.run || test.skipped !== null ? "skipped" : "passed";
  const skipReason = test.skipped !== null ? failureText(test.skipped) : test.run ? null : "disabled";
  return {
    event: "test",
    name: `${test.suite}.${test.name}`,
    file: test.file,
    status,
    durationMs: test.timeS * 1000,
    message: status === "failed" ? clip(test.failures.map(failureText).join("\n\n")) : status === "skipped" ? skipReason || null : null,
    details: null,
    output: "",
  };
}

/**
 * One failure as the console shows it: "sum_test.cpp:7: Expected equality of these values: …".
 * GoogleTest starts the text with "file:line" on a line of its own, or "unknown file" for an
 * exception thrown out of the test body (the description says which).
 */
function failureText(text: string): string {
  const [first = "", ...rest] = text.split("\n");
  const body = rest.join("\n").trim();
  if (first === "unknown file") return body;
  if (/^.+:\d+$/.test(first)) return body ? `${first}: ${body}` : first;
  return text.trim();
}

function clip(text: string): string {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT)}\n... [truncated]`;
}
