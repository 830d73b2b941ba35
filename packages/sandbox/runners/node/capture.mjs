// Preloaded (--import) into the test process: records what each test prints, so the
// reporter can attach output to the test that produced it. Tests run one at a time
// in-process, so "between beforeEach and afterEach" is exact.
import { afterEach, beforeEach } from "node:test";

const MAX_PER_TEST = 64 * 1024;
const captured = new Map(); // test name -> queue of outputs, in execution order
let current = null;

for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream);
  stream.write = (chunk, ...rest) => {
    if (current !== null && current.text.length < MAX_PER_TEST) current.text += String(chunk);
    return write(chunk, ...rest);
  };
}

beforeEach((t) => {
  current = { text: "" };
  const queue = captured.get(t.name) ?? [];
  queue.push(current);
  captured.set(t.name, queue);
});
afterEach(() => {
  current = null;
});

globalThis.__interviewlmTakeOutput = (name) => captured.get(name)?.shift()?.text ?? "";
