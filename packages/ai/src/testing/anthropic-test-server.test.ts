import Anthropic from "@anthropic-ai/sdk";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reply, startAnthropicTestServer, type AnthropicTestServer } from "./index.ts";

let server: AnthropicTestServer;
let client: Anthropic;

beforeEach(async () => {
  server = await startAnthropicTestServer();
  client = new Anthropic({ apiKey: server.apiKey, baseURL: server.baseURL, maxRetries: 0 });
});
afterEach(() => server.close());

const base = { model: "claude-sonnet-5-5", max_tokens: 100, messages: [{ role: "user" as const, content: "hi" }] };

describe("the Anthropic wire test server", () => {
  it("streams SSE frames with event lines in the Messages API order, pings included", async () => {
    server.enqueue(reply.text("Hello there"));
    const response = await fetch(`${server.baseURL}/v1/messages`, {
      method: "POST",
      headers: { "x-api-key": server.apiKey, "anthropic-version": "2026-10-21", "content-type": "application/json" },
      body: JSON.stringify({ ...base, stream: true }),
    });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const events = (await response.text()).split("\n\n").filter(Boolean).map((frame) => frame.split("\n")[0]);
    expect(events[0]).toBe("event: message_start");
    expect(events).toContain("event: ping");
    expect(events.at(-2)).toBe("event: message_delta");
    expect(events.at(-1)).toBe("event: message_stop");
  });

  it("gives the real SDK a text answer and a tool call whose input arrives in chunks", async () => {
    server.enqueue(reply.message([{ type: "text", text: "Let me look." }, { type: "tool_use", name: "read_file", input: { path: "src/a.py" }, chunks: 5 }], { usage: { input_tokens: 50, output_tokens: 20, cache_read_input_tokens: 7 } }));
    const stream = client.messages.stream(base);
    const deltas: string[] = [];
    stream.on("text", (delta) => deltas.push(delta));
    const message = await stream.finalMessage();
    expect(deltas.join("")).toBe("Let me look.");
    expect(message.stop_reason).toBe("tool_use");
    expect(message.content[1]).toMatchObject({ type: "tool_use", name: "read_file", input: { path: "src/a.py" } });
    expect(message.usage).toMatchObject({ input_tokens: 50, output_tokens: 20, cache_read_input_tokens: 7 });
  });

  it("refuses sampling parameters the 2026-10-21 API version rejects, and more than four cache breakpoints", async () => {
    await expect(client.messages.create({ ...base, temperature: 0.2 } as never)).rejects.toMatchObject({ status: 400 });
    const cached = { type: "text" as const, text: "x", cache_control: { type: "ephemeral" as const } };
    await expect(client.messages.create({ ...base, system: [cached, cached, cached], messages: [{ role: "user", content: [cached, cached] }] })).rejects.toThrow(/maximum of 4/);
    expect(server.requests).toHaveLength(0);
  });

  it("refuses a history where a tool_use has no tool_result after it", async () => {
    const messages = [
      { role: "user" as const, content: "hi" },
      { role: "assistant" as const, content: [{ type: "tool_use" as const, id: "toolu_1", name: "list_files", input: {} }] },
      { role: "user" as const, content: "and?" },
    ];
    await expect(client.messages.create({ ...base, messages })).rejects.toThrow(/toolu_1/);
  });

  it("answers 429 and 529 with retry-after, and a wrong key with 401", async () => {
    server.enqueue(reply.rateLimited("3"), reply.overloaded());
    const limited = await client.messages.create(base).catch((error: unknown) => error);
    expect(limited).toMatchObject({ status: 429 });
    expect((limited as { headers: Headers }).headers.get("retry-after")).toBe("3");
    await expect(client.messages.create(base)).rejects.toMatchObject({ status: 529 });
    const stranger = new Anthropic({ apiKey: "sk-ant-wrong", baseURL: server.baseURL, maxRetries: 0 });
    await expect(stranger.messages.create(base)).rejects.toMatchObject({ status: 401 });
  });

  it("sends an in-stream error event after some text", async () => {
    server.enqueue(reply.streamError("Half an ans"));
    const stream = client.messages.stream(base);
    const deltas: string[] = [];
    stream.on("text", (delta) => deltas.push(delta));
    await expect(stream.finalMessage()).rejects.toThrow(/Overloaded/);
    expect(deltas.join("")).toBe("Half an ans");
  });
});
