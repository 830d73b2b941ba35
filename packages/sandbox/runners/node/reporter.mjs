// node:test reporter: one JSON object per line to $INTERVIEWLM_RESULTS, same events as the
// pytest plugin. Written synchronously to the descriptor rather than through node's
// --test-reporter-destination, which re-opens /dev/fd/N and fails on the socket the host
// passes; writing as each test ends keeps results of a run that later times out.
//   {"event": "test", "name", "file", "status", "durationMs", "message", "details", "output"}
//   {"event": "end"}
import { closeSync, openSync, writeSync } from "node:fs";

// eslint-disable-next-line no-restricted-properties -- runs inside the sandbox; run-tests.sh sets this
const target = process.env.INTERVIEWLM_RESULTS ?? "/dev/fd/3";
const resultsFd = target.startsWith("/dev/fd/") ? Number(target.slice("/dev/fd/".length)) : openSync(target, "w");
const emit = (record) => writeSync(resultsFd, `${JSON.stringify(record)}\n`);
// Tests are reported when they finish; children finish before their suite, so each level
// waits for its parent to learn the full name ("suite > test").
const MAX_TEXT = 64 * 1024;
const clip = (text) => (text == null ? null : text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT)}\n... [truncated]`);

// With --enable-source-maps node reports the original file of each test; make it relative to
// the scratch workspace so it matches workspace paths.
function workspaceFileOf(file) {
  if (typeof file !== "string") return null;
  const path = file.startsWith("file://") ? decodeURIComponent(new URL(file).pathname) : file;
  const root = `${process.cwd()}/`;
  return path.startsWith(root) ? path.slice(root.length) : null;
}

function describeError(error) {
  const cause = error?.cause ?? error;
  if (!cause) return { message: null, details: null };
  const message = typeof cause.message === "string" ? cause.message : String(cause);
  return { message: clip(message.trim()), details: clip(typeof cause.stack === "string" ? cause.stack : null) };
}

export default async function* interviewlmReporter(source) {
  const pending = new Map(); // nesting level -> finished tests waiting for their parent
  for await (const event of source) {
    if (event.type !== "test:pass" && event.type !== "test:fail") continue;
    const data = event.data;
    const children = pending.get(data.nesting + 1) ?? [];
    pending.delete(data.nesting + 1);
    const records = children.map((child) => ({ ...child, name: `${data.name} > ${child.name}` }));
    const isSuite = data.details?.type === "suite";
    const failureType = data.details?.error?.failureType;
    const output = globalThis.__interviewlmTakeOutput?.(data.name) ?? "";
    if ((!isSuite && children.length === 0) || (event.type === "test:fail" && failureType !== "subtestsFailed" && children.length === 0) || (isSuite && failureType === "hookFailed")) {
      const { message, details } = event.type === "test:fail" ? describeError(data.details?.error) : { message: null, details: null };
      records.push({
        event: "test",
        name: data.name,
        // Vitest/Jest-style tests are declared through the compatibility module, which knows their file.
        file: workspaceFileOf(data.file) ?? globalThis.__interviewlmTakeTestFile?.(data.name) ?? null,
        status: data.skip || data.todo ? "skipped" : event.type === "test:pass" ? "passed" : failureType === "hookFailed" || failureType === "cancelledByParent" ? "error" : "failed",
        durationMs: data.details?.duration_ms ?? 0,
        message: typeof data.skip === "string" ? data.skip : typeof data.todo === "string" ? data.todo : message,
        details,
        output: clip(output),
      });
    }
    if (data.nesting === 0) {
      for (const record of records) emit(record);
    } else {
      pending.set(data.nesting, [...(pending.get(data.nesting) ?? []), ...records]);
    }
  }
  emit({ event: "end" });
  if (!target.startsWith("/dev/fd/")) closeSync(resultsFd);
  yield "";
}
