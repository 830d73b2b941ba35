import { z } from "zod";
import type { RunnerTestEvent } from "./test-events.ts";

// Turns what runners/go/run-tests.sh writes — "#gomodule"/"#gotest" lines naming the file of
// each test function, then `go test -json` (test2json) events — into the JSON-lines events every
// runner speaks (test-events.ts). Reading go's own machine format on the host keeps the sandbox
// free of a converter process. Lines that do not parse are ignored, as for the other runners.

const GoEventSchema = z.object({
  Action: z.string(),
  Package: z.string().optional(),
  Test: z.string().optional(),
  Output: z.string().optional(),
  Elapsed: z.number().optional(),
});

const STATUS: Record<string, RunnerTestEvent["status"] | undefined> = { pass: "passed", fail: "failed", skip: "skipped" };
// Lines go itself prints around a test; not the test's output.
const FRAMING = /^\s*(=== (RUN|PAUSE|CONT|NAME)\s|--- (PASS|FAIL|SKIP): )/;
// t.Error/t.Fatal/t.Log lines: "    file_test.go:12: message" (continuation lines indented deeper).
const REPORT_LINE = /^ {4,}\S+\.go:\d+: /;

interface GoTest {
  pkg: string;
  name: string;
  status?: RunnerTestEvent["status"];
  elapsedS: number;
  lines: string[];
}

export function goTestEventsToRunnerEvents(text: string): string {
  let module = "";
  const files = new Map<string, string>(); // "dir\0TestName" → file
  const tests = new Map<string, GoTest>(); // "pkg\0name"
  for (const line of text.split("\n")) {
    if (line.startsWith("#gomodule ")) module = line.slice("#gomodule ".length).trim();
    else if (line.startsWith("#gotest ")) {
      const [dir, name, ...file] = line.slice("#gotest ".length).split(" ");
      if (dir && name && file.length > 0) files.set(`${dir}\0${name}`, file.join(" "));
    } else if (line.startsWith("{")) {
      let parsed: z.infer<typeof GoEventSchema>;
      try {
        const result = GoEventSchema.safeParse(JSON.parse(line));
        if (!result.success) continue;
        parsed = result.data;
      } catch {
        continue;
      }
      const pkg = parsed.Package ?? "";
      // Package-level lines (build failures, totals): the runner's exit code and stderr carry them.
      if (!parsed.Test) continue;
      const key = `${pkg}\0${parsed.Test}`;
      const test = tests.get(key) ?? { pkg, name: parsed.Test, elapsedS: 0, lines: [] };
      tests.set(key, test);
      if (parsed.Action === "output" && parsed.Output !== undefined) test.lines.push(parsed.Output);
      const status = STATUS[parsed.Action];
      if (status) {
        test.status = status;
        test.elapsedS = parsed.Elapsed ?? 0;
      }
    }
  }

  const names = [...tests.values()];
  const events: string[] = [];
  for (const test of names) {
    // A test with subtests is reported through its subtests (table-driven tests read per case).
    if (names.some((other) => other.pkg === test.pkg && other.name.startsWith(`${test.name}/`))) continue;
    const dir = test.pkg === module ? "." : module && test.pkg.startsWith(`${module}/`) ? test.pkg.slice(module.length + 1) : test.pkg;
    const file = files.get(`${dir}\0${test.name.split("/")[0]}`) ?? null;
    const body = test.lines.filter((l) => !FRAMING.test(l));
    const reports = body.filter((l, i) => REPORT_LINE.test(l) || (i > 0 && /^ {8,}/.test(l) && REPORT_LINE.test(body[i - 1] ?? "")));
    const output = body.filter((l) => !reports.includes(l)).join("");
    // A test that started but never finished: the binary died (panic, os.Exit) or was stopped.
    const status = test.status ?? "error";
    let message: string | null = reports.map((l) => l.trimStart()).join("").trim() || null;
    if (!message && status !== "passed" && status !== "skipped") message = output.trim().split("\n").slice(-20).join("\n") || "the test did not finish";
    events.push(JSON.stringify({ event: "test", name: test.name, file, status, durationMs: test.elapsedS * 1000, message, details: null, output }));
  }
  events.push(JSON.stringify({ event: "end" }));
  return events.join("\n");
}
