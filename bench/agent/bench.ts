// Agent benchmark: `npm run bench:agent -w @interviewlm/bench`. Prints a table; asserts nothing.
// Time from the candidate's send to the first streamed token reaching the candidate's socket,
// through a real room (partykit dev, sandbox, recording on) with 10 reviewers watching, next to
// the SDK streaming directly from the same local Anthropic wire server with the same scripted
// think time, measured in the same run, alternating. Also: share of the streamed deltas that
// reached every reviewer. Goal (issue 10): overhead ≤ 10 ms p50, ≤ 25 ms p99; 100% delivered.
import Anthropic from "@anthropic-ai/sdk";
import { reply, startAnthropicTestServer } from "@interviewlm/ai/testing";
import { ControlClient, roomToken, startRoomStack, TEST_ROOM_SECRET } from "@interviewlm/party/testing";
import type { AgentWireEvent } from "@interviewlm/realtime";
import { ms, percentile, table } from "../sandbox/stats.ts";

const SAMPLES = Number(process.env.BENCH_AGENT_SAMPLES ?? 60);
const THINK_MS = Number(process.env.BENCH_AGENT_THINK_MS ?? 50);
const REVIEWERS = Number(process.env.BENCH_AGENT_REVIEWERS ?? 10);
const ANSWER = "The first token, then more tokens of a streamed answer. ".repeat(4);

const anthropic = await startAnthropicTestServer();
const stack = await startRoomStack({ vars: { ANTHROPIC_API_KEY: anthropic.apiKey, ANTHROPIC_BASE_URL: anthropic.baseURL } });
const client = new Anthropic({ apiKey: anthropic.apiKey, baseURL: anthropic.baseURL, maxRetries: 0 });
const script = () => reply.message([{ type: "text", text: ANSWER, chunks: 16 }], { firstTokenDelayMs: THINK_MS });

async function join(sessionId: string, role: "candidate" | "reviewer", uid: string): Promise<ControlClient> {
  const control = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, role, uid));
  await control.waitFor("welcome");
  return control;
}

const agentEvents = (control: ControlClient): AgentWireEvent[] => control.ofType("agent.event").map((m) => m.event);

try {
  const sessionId = await stack.newSession({ ai: { aiAssistance: "AGENT", aiHelpLevel: "GUIDE", aiBudget: { messagesPerQuestion: 1000, tokensPerSession: 100_000_000, costMicroUsdPerSession: 1_000_000_000 } } });
  const candidate = await join(sessionId, "candidate", "cand_1");
  const reviewers = await Promise.all(Array.from({ length: REVIEWERS }, (_, i) => join(sessionId, "reviewer", `rev_${i}`)));
  const direct: number[] = [];
  const room: number[] = [];
  console.log(`Agent first token: ${SAMPLES} samples each, provider think time ${THINK_MS} ms, ${REVIEWERS} reviewers watching the room\n`);
  for (let i = 0; i < SAMPLES + 5; i++) {
    const measured = i >= 5; // the first few warm up the room, the SDK and the connections
    anthropic.enqueue(script());
    let start = performance.now();
    const stream = client.messages.stream({ model: "claude-sonnet-5-5", max_tokens: 1024, messages: [{ role: "user", content: "hi" }] });
    const first = await new Promise<number>((resolve) => stream.once("text", () => resolve(performance.now())));
    await stream.finalMessage();
    if (measured) direct.push(first - start);

    anthropic.enqueue(script());
    const turns = agentEvents(candidate).filter((e) => e.kind === "turn_finished").length;
    const seen = candidate.messages.length;
    start = performance.now();
    candidate.send({ type: "agent.message", text: `message ${i}` });
    await candidate.waitFor("agent.event", (m) => m.event.kind === "text" && candidate.messages.indexOf(m) >= seen, 30_000);
    if (measured) room.push(performance.now() - start);
    await candidate.waitFor("agent.event", (m) => m.event.kind === "turn_finished" && agentEvents(candidate).filter((e) => e.kind === "turn_finished").length > turns, 30_000);
  }
  // Every reviewer must have every delta the candidate got, once the last turn ended everywhere.
  await Promise.all(reviewers.map((r) => r.waitFor("agent.event", () => agentEvents(r).filter((e) => e.kind === "turn_finished").length >= SAMPLES + 5, 30_000)));
  const expectedDeltas = agentEvents(candidate).filter((e) => e.kind === "text").length;
  const delivered = reviewers.map((r) => agentEvents(r).filter((e) => e.kind === "text").length / expectedDeltas);
  const row = (p: number) => [`p${p}`, ms(percentile(direct, p)), ms(percentile(room, p)), ms(percentile(room, p) - percentile(direct, p)), `${(percentile(room, p) / percentile(direct, p)).toFixed(2)}×`];
  console.log(table(["", "SDK direct", "through the room", "overhead", "room/direct"], [row(50), row(99)]));
  console.log(`\nDeltas delivered to each of ${REVIEWERS} reviewers: min ${(Math.min(...delivered) * 100).toFixed(1)}% of ${expectedDeltas}`);
  for (const control of [candidate, ...reviewers]) control.socket.close();
} finally {
  await stack.stop();
  await anthropic.close();
}
