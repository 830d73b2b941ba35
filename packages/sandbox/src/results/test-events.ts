import { z } from "zod";

// The JSON-lines protocol both runners speak (runners/python/interviewlm_pytest.py and
// runners/node/reporter.mjs). Lines that do not parse are ignored: candidate code shares the
// process with the tests and could write garbage, which must not break the host.
const TestEventSchema = z.object({
  event: z.literal("test"),
  name: z.string(),
  file: z.string().nullable().optional(),
  status: z.enum(["passed", "failed", "error", "skipped"]),
  durationMs: z.number().nonnegative().catch(0),
  message: z.string().nullable().optional(),
  details: z.string().nullable().optional(),
  output: z.string().nullable().optional(),
});
const CollectErrorEventSchema = z.object({ event: z.literal("collect_error"), nodeid: z.string(), message: z.string().nullable() });
const EndEventSchema = z.object({ event: z.literal("end"), exitstatus: z.number().int().optional() });
const RunnerEventSchema = z.discriminatedUnion("event", [TestEventSchema, CollectErrorEventSchema, EndEventSchema]);

export type RunnerTestEvent = z.infer<typeof TestEventSchema>;

export interface ParsedRunnerEvents {
  tests: RunnerTestEvent[];
  collectErrors: { nodeid: string; message: string | null }[];
  ended: boolean;
}

export function parseRunnerEvents(text: string): ParsedRunnerEvents {
  const parsed: ParsedRunnerEvents = { tests: [], collectErrors: [], ended: false };
  for (const line of text.split("\n")) {
    if (!line.startsWith("{")) continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      continue;
    }
    const result = RunnerEventSchema.safeParse(json);
    if (!result.success) continue;
    const event = result.data;
    if (event.event === "test") parsed.tests.push(event);
    else if (event.event === "collect_error") parsed.collectErrors.push({ nodeid: event.nodeid, message: event.message });
    else parsed.ended = true;
  }
  return parsed;
}
