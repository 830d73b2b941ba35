// The AI assistant: the current question's conversation, streamed as it happens, to the
// candidate (who can write, stop and undo) and to reviewers (who watch). Screen readers hear
// each finished answer and each tool the assistant starts, not every streamed token.
import { Badge, Button, Textarea, cx } from "@interviewlm/ui";
import { Send, Square } from "@interviewlm/ui/icons";
import type { ClientMessage } from "@interviewlm/realtime";
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { renderAgentMarkdown } from "./agent-markdown";
import type { AgentPanelState, AgentTurnView } from "./agent-state";
import { AgentToolCall } from "./agent-tool-call";
import type { RoomError } from "./room-state";

const ANSWER_CLASSES = cx(
  "space-y-2 text-sm leading-6 text-fg",
  "[&_ul]:list-disc [&_ul]:pl-5 [&_ol]:list-decimal [&_ol]:pl-5 [&_a]:text-accent-fg [&_a]:underline [&_strong]:font-semibold",
  "[&_code]:rounded [&_code]:bg-surface-raised [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.8125rem]",
  "[&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:border [&_pre]:border-line [&_pre]:bg-canvas [&_pre]:p-2 [&_pre_code]:bg-transparent [&_pre_code]:p-0",
);

const OUTCOME_TEXT: Record<string, string> = { stopped: "Stopped.", interrupted: "Interrupted." };

export interface AgentPanelProps {
  agent: AgentPanelState;
  viewer: "candidate" | "reviewer";
  connected: boolean;
  send: (message: ClientMessage) => boolean;
  /** The room's last refusal; the panel shows the assistant's own (agent_*). */
  lastError: RoomError | null;
  className?: string;
}

export function AgentPanel({ agent, viewer, connected, send, lastError, className }: AgentPanelProps) {
  const [draft, setDraft] = useState("");
  const logRef = useRef<HTMLDivElement>(null);
  const announcement = useAnnouncement(agent.turns);
  const candidate = viewer === "candidate";
  const messagesLeft = agent.budget?.messagesLeftThisQuestion ?? null;
  const blocked = !agent.available ? agent.reason : messagesLeft === 0 ? "No AI messages left for this question." : agent.budget && (agent.budget.tokensLeft === 0 || agent.budget.costLeftMicroUsd === 0) ? "The AI budget for this interview is spent." : null;
  const agentError = lastError && lastError.code.startsWith("agent_") ? lastError : null;

  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [agent.turns]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const text = draft.trim();
    if (!text || agent.busy || blocked || !connected) return;
    if (send({ type: "agent.message", text })) setDraft("");
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  };

  return (
    <section aria-labelledby="agent-heading" className={cx("flex min-h-0 flex-col bg-surface", className)}>
      <div className="flex h-8 shrink-0 items-center gap-2 border-b border-line px-3">
        <h2 id="agent-heading" className="text-xs font-medium tracking-wide text-fg-muted uppercase">AI assistant</h2>
        <Badge tone="accent">{agent.mode === "CHAT" ? "Chat" : "Agent"}</Badge>
        <Badge tone="neutral">{agent.helpLevel === "SOLVE" ? "May write the solution" : "Guides, doesn't solve"}</Badge>
        {agent.budget ? (
          <p className="ml-auto text-xs text-fg-muted">
            <span className="sr-only">AI budget: </span>
            {`${agent.budget.messagesLeftThisQuestion} ${agent.budget.messagesLeftThisQuestion === 1 ? "message" : "messages"} left${viewer === "reviewer" ? ` · $${(agent.budget.costMicroUsd / 1_000_000).toFixed(2)} used` : ""}`}
          </p>
        ) : null}
      </div>
      {/* A spent budget is said in the same polite region: the warning under the conversation
          appears silently, and a screen-reader user would otherwise only find Send disabled. */}
      <p aria-live="polite" className="sr-only">{candidate && blocked && agent.available ? `${announcement} ${blocked}`.trim() : announcement}</p>
      {/* Scrolls on its own, so it takes focus for keyboard scrolling (WCAG 2.1.1). */}
      <div ref={logRef} tabIndex={0} aria-label="Conversation with the AI assistant" className="min-h-0 flex-1 space-y-4 overflow-auto p-3 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-focus">
        {agent.turns.length === 0 ? (
          <p className="text-sm text-fg-muted">
            {!agent.available ? agent.reason : candidate ? (agent.mode === "CHAT" ? "Ask about the question or your code. The assistant can read your files but not change them." : "Ask for help. The assistant can read and edit your files and run the tests; you see every change.") : "The candidate has not asked the assistant anything on this question yet."}
          </p>
        ) : (
          agent.turns.map((turn) => <Turn key={turn.turnId} turn={turn} onUndo={candidate && connected ? (toolId) => send({ type: "agent.undo", toolId }) : undefined} />)
        )}
      </div>
      {candidate ? (
        <form onSubmit={submit} className="shrink-0 space-y-2 border-t border-line p-2">
          {agentError ? <p role="alert" className="text-xs text-danger-fg">{agentError.message}</p> : null}
          {blocked && agent.available ? <p className="text-xs text-warning-fg">{blocked}</p> : null}
          <Textarea
            label="Message the AI assistant"
            hideLabel
            rows={3}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={onKeyDown}
            disabled={!agent.available || !connected}
            placeholder={agent.available ? "Ask the assistant… (Enter to send, Shift+Enter for a new line)" : (agent.reason ?? "")}
            maxLength={20_000}
          />
          <div className="flex justify-end gap-2">
            {agent.busy ? (
              <Button type="button" size="sm" variant="danger" icon={<Square aria-hidden="true" className="size-3.5" />} onClick={() => send({ type: "agent.stop" })} disabled={!connected}>
                Stop
              </Button>
            ) : null}
            <Button type="submit" size="sm" icon={<Send aria-hidden="true" className="size-3.5" />} disabled={!draft.trim() || agent.busy || Boolean(blocked) || !connected}>
              Send
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function Turn({ turn, onUndo }: { turn: AgentTurnView; onUndo?: (toolId: string) => void }) {
  return (
    <article aria-label={`Message at ${new Date(turn.at).toLocaleTimeString()}`} className="space-y-2">
      <p className="ml-6 rounded-md bg-accent-soft px-3 py-2 text-sm whitespace-pre-wrap text-fg">{turn.prompt}</p>
      {turn.items.map((item, index) =>
        item.kind === "text" ? <Answer key={index} text={item.text} /> : <AgentToolCall key={item.toolId} item={item} onUndo={onUndo} />,
      )}
      {turn.retrying ? <p className="text-xs text-warning-fg">{turn.retrying.reason} Retrying (attempt {turn.retrying.attempt})…</p> : null}
      {turn.outcome === null ? <p className="text-xs text-fg-muted">The assistant is working…</p> : null}
      {turn.outcome && turn.outcome !== "completed" ? (
        <p className={cx("text-xs", turn.outcome === "stopped" ? "text-fg-muted" : "text-danger-fg")}>{turn.message ?? OUTCOME_TEXT[turn.outcome] ?? turn.outcome}</p>
      ) : turn.message ? (
        <p className="text-xs text-warning-fg">{turn.message}</p>
      ) : null}
    </article>
  );
}

function Answer({ text }: { text: string }) {
  // renderAgentMarkdown escapes raw HTML and filters links (see agent-markdown.ts).
  const html = useMemo(() => renderAgentMarkdown(text), [text]);
  return <div className={ANSWER_CLASSES} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** What screen readers hear: a tool starting, a finished answer, or why a turn ended. */
function useAnnouncement(turns: AgentTurnView[]): string {
  const last = turns.at(-1);
  if (!last) return "";
  if (last.outcome === null) {
    const tool = last.items.findLast((item) => item.kind === "tool");
    return tool && tool.kind === "tool" && tool.output === null ? `The assistant is using ${tool.name.replace(/_/g, " ")}.` : "";
  }
  const answer = last.items.filter((item) => item.kind === "text").map((item) => (item.kind === "text" ? item.text : "")).join(" ");
  const ending = last.outcome === "completed" ? "" : ` ${last.message ?? last.outcome}`;
  return `The assistant answered: ${answer.slice(0, 600)}${ending}`;
}
