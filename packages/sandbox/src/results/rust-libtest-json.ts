import { z } from "zod";
import type { RunnerTestEvent } from "./test-events.ts";

// Turns what runners/rust/run-tests.sh writes — `cargo test`'s own lines ("Running <source>
// (<binary>)" before each test binary) mixed with libtest's JSON events (`--format json
// --report-time`), then "#rustend" once cargo finished — into the JSON-lines events every runner
// speaks (test-events.ts). Reading libtest's own format on the host keeps the sandbox free of a
// converter. A test is named after its target and libtest's path, as Rust names the function:
// "sum_test::adds_up" for `fn adds_up` in tests/sum_test.rs, "sum::tests::unit" for a unit test of
// the crate `sum`. Lines that do not parse are ignored, as for the other runners.

const MAX_TEXT = 64 * 1024;

const LibtestEventSchema = z.object({
  type: z.string(),
  event: z.string(),
  name: z.string().optional(),
  exec_time: z.number().optional(),
  stdout: z.string().optional(),
});

const STATUS: Record<string, RunnerTestEvent["status"] | undefined> = { ok: "passed", failed: "failed", ignored: "skipped", timeout: "failed" };
// cargo: "     Running tests/sum_test.rs (target/debug/deps/sum_test-0123abcd)" and
// "     Running unittests src/lib.rs (…)"; the binary is "<target>-<hash>".
const RUNNING = /^\s+Running (?:unittests )?(.+) \((.+)\)$/;
const BINARY_HASH = /-[0-9a-f]{8,}$/;
// The panic hook's line, in libtest's captured output: Rust ≤ 1.72 "thread 'x' panicked at
// 'message', file:line:col", Rust ≥ 1.73 "thread 'x' panicked at file:line:col:\nmessage".
const PANIC_QUOTED = /^thread '[^\n]*' panicked at '([\s\S]*?)', ([^\n]+?:\d+:\d+)\n/m;
const PANIC_LOCATED = /^thread '[^\n]*' panicked at ([^\n]+?:\d+:\d+):\n([\s\S]*?)(?:\n(?=note: )|\n*(?![\s\S]))/m;
const BACKTRACE_NOTE = /^note: run with `RUST_BACKTRACE=1`[^\n]*\n?/m;

interface Target {
  file: string;
  crate: string;
  /** cargo's and the binary's own lines while it ran (a crash, "process didn't exit successfully"). */
  loose: string[];
}

interface RustTest {
  target: Target | null;
  name: string;
  status?: RunnerTestEvent["status"];
  durationS: number;
  stdout: string;
}

export function libtestEventsToRunnerEvents(text: string): string {
  let target: Target | null = null;
  let ended = false;
  const tests = new Map<string, RustTest>();
  for (const line of text.split("\n")) {
    if (line === "#rustend") {
      ended = true;
      continue;
    }
    const running = RUNNING.exec(line);
    if (running) {
      const binary = running[2]!.slice(running[2]!.lastIndexOf("/") + 1);
      target = { file: running[1]!, crate: binary.replace(BINARY_HASH, ""), loose: [] };
      continue;
    }
    if (!line.startsWith("{")) {
      if (target && line.trim() !== "") target.loose.push(line);
      continue;
    }
    let event: z.infer<typeof LibtestEventSchema>;
    try {
      const parsed = LibtestEventSchema.safeParse(JSON.parse(line));
      if (!parsed.success) continue;
      event = parsed.data;
    } catch {
      continue;
    }
    if (event.type !== "test" || !event.name) continue;
    const name = target ? `${target.crate}::${event.name}` : event.name;
    const test = tests.get(name) ?? { target, name, durationS: 0, stdout: "" };
    tests.set(name, test);
    const status = STATUS[event.event];
    if (status) {
      test.status = status;
      test.durationS = event.exec_time ?? 0;
      test.stdout = event.stdout ?? "";
    }
  }

  const events = [...tests.values()].map((test) => JSON.stringify(toEvent(test)));
  if (ended) events.push(JSON.stringify({ event: "end" }));
  return events.join("\n");
}

function toEvent(test: RustTest): RunnerTestEvent & { event: "test" } {
  const file = test.target?.file ?? null;
  // Started but never reported: the test binary ended part-way (a stack overflow, an abort,
  // process::exit in the code under test). cargo's and the binary's last words say why.
  if (!test.status) {
    const why = test.target?.loose.filter((line) => !/^error: test failed|^error: \d+ targets? failed|^\s+`--/.test(line)).slice(-20).join("\n");
    return { event: "test", name: test.name, file, status: "error", durationMs: 0, message: clip(why || "the test binary ended before this test finished"), details: null, output: "" };
  }
  const { message, output } = test.status === "failed" ? splitPanic(test.stdout) : { message: null, output: test.stdout };
  return {
    event: "test",
    name: test.name,
    file,
    status: test.status,
    durationMs: test.durationS * 1000,
    message: test.status === "failed" ? clip(message ?? (output.trim().split("\n").slice(-20).join("\n") || "the test failed")) : null,
    details: null,
    output: clip(output),
  };
}

/**
 * The panic message with its place ("tests/sum_test.rs:5:9: assertion failed: `(left == right)` …")
 * and what the test printed besides. Without a panic (a #[should_panic] test that did not, a test
 * returning Err) there is no message and the output says it.
 */
export function splitPanic(stdout: string): { message: string | null; output: string } {
  const quoted = PANIC_QUOTED.exec(stdout);
  const located = quoted ? null : PANIC_LOCATED.exec(stdout);
  const match = quoted ?? located;
  if (!match) return { message: null, output: stdout };
  const [text, place] = quoted ? [quoted[1]!, quoted[2]!] : [located![2]!, located![1]!];
  const output = (stdout.slice(0, match.index) + stdout.slice(match.index + match[0].length)).replace(BACKTRACE_NOTE, "");
  return { message: `${place}: ${text.trim()}`, output: output.trim() === "" ? "" : output };
}

function clip(text: string): string;
function clip(text: string | null): string | null;
function clip(text: string | null): string | null {
  if (text === null) return null;
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT)}\n... [truncated]`;
}
