// How the candidate used the AI assistant, from what the room recorded: prompts, tool calls,
// tokens and cost (agent.usage, priced when the call was made), the agent's edits of the
// editor document and whether the candidate ran the tests after each, and how much of what
// the agent wrote the final code keeps.
import type { RecordingEvent } from "@interviewlm/realtime";
import type { AgentEditMetric, AiUsage, Moment } from "./types.ts";

export interface AgentEditInput {
  seq: number;
  at: number;
  path: string | null;
}

export function aiUsage(events: readonly RecordingEvent[], originAt: number, agentEdits: readonly AgentEditInput[], lines: { written: number; kept: number }): AiUsage {
  const usage: AiUsage = {
    prompts: 0,
    promptList: [],
    answers: 0,
    toolCalls: 0,
    toolCallsByName: {},
    undos: 0,
    inputTokens: 0,
    outputTokens: 0,
    costMicroUsd: 0,
    agentEdits: [],
    agentEditsTested: 0,
    agentLinesWritten: lines.written,
    agentLinesKept: Math.min(lines.kept, lines.written),
    agentLinesKeptShare: lines.written > 0 ? Math.min(1, lines.kept / lines.written) : null,
  };
  const candidateRuns: Moment[] = [];
  for (const event of events) {
    const p = event.payload;
    switch (event.type) {
      case "agent.message":
        if (p.role === "candidate") {
          usage.prompts++;
          usage.promptList.push({ seq: event.seq, t: event.at - originAt, chars: typeof p.text === "string" ? p.text.length : 0 });
        } else if (p.role === "assistant") usage.answers++;
        break;
      case "agent.tool": {
        usage.toolCalls++;
        const name = String(p.tool ?? "unknown");
        usage.toolCallsByName[name] = (usage.toolCallsByName[name] ?? 0) + 1;
        break;
      }
      case "agent.usage":
        usage.inputTokens += (Number(p.inputTokens) || 0) + (Number(p.cacheCreationInputTokens) || 0) + (Number(p.cacheReadInputTokens) || 0);
        usage.outputTokens += Number(p.outputTokens) || 0;
        usage.costMicroUsd += Number(p.costMicroUsd) || 0;
        break;
      case "agent.undo":
        usage.undos++;
        break;
      case "tests.started":
        if (event.actor.startsWith("candidate:")) candidateRuns.push({ seq: event.seq, t: event.at - originAt });
        break;
      default:
        break;
    }
  }
  usage.agentEdits = agentEdits.map((edit): AgentEditMetric => {
    const run = candidateRuns.find((r) => r.seq > edit.seq) ?? null;
    return { seq: edit.seq, t: edit.at - originAt, path: edit.path, testedBy: run };
  });
  usage.agentEditsTested = usage.agentEdits.filter((edit) => edit.testedBy).length;
  return usage;
}
