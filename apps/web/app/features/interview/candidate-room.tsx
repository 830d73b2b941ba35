// The candidate's interview room: question on the left, the shared editor in the centre,
// terminal and tests below; header with the clock, who is watching and the session actions.
import { Spinner } from "@interviewlm/ui";
import type { QuestionView } from "@interviewlm/realtime";
import { useState } from "react";
import { AgentPanel } from "./agent-panel";
import { ConnectionBanner } from "./connection-banner";
import { focusPanel } from "./panel-focus";
import { PresenceBar } from "./presence-bar";
import { QuestionPanel } from "./question-panel";
import { SessionActions } from "./session-actions";
import { useShortcuts } from "./shortcuts";
import { ShortcutsHelp } from "./shortcuts-help";
import { Splitter, useStoredSize } from "./splitter";
import { TerminalPanel } from "./terminal-panel";
import { TestsPanel } from "./tests-panel";
import { ThankYou } from "./thank-you";
import { Timer } from "./timer";
import { useCandidateSignals } from "./use-candidate-signals";
import { retryConnections, useRoom, type RoomAccess } from "./use-room";
import { useTestRunRequest } from "./use-test-run-request";
import { useTokenRefresh } from "./use-token-refresh";
import { useYDoc } from "./use-y-doc";
import { Workspace } from "./workspace";

export interface CandidateRoomProps {
  access: RoomAccess;
  candidateName: string;
  organizationName: string;
  assessmentTitle: string;
  /** What the page loader knew, shown until the room's welcome arrives (and in the server render). */
  initial: { question: QuestionView | null; deadlineAt: number | null };
  /** Asked shortly before the room token expires: the page reloads its data, minting a new one. */
  refreshAccess: () => void;
}

export function CandidateRoom({ access, candidateName, organizationName, assessmentTitle, initial, refreshAccess }: CandidateRoomProps) {
  const room = useRoom(access);
  const { state, send } = room;
  const me = state.participants.find((p) => p.connectionId === state.connectionId);
  const shared = useYDoc(access, me ? { id: me.userId, name: me.name, role: me.role } : null);
  useTokenRefresh(access.roomToken, refreshAccess);

  const connected = state.connection === "open";
  const session = state.session;
  const signals = useCandidateSignals(send, connected, session?.status === "ACTIVE");
  const canRunTests = (session?.testVisibility ?? "VISIBLE") !== "HIDDEN";
  // While the final tests run, the code is what was submitted: nothing more can be typed.
  const locked = session !== null && session.status !== "ACTIVE";
  const [helpOpen, setHelpOpen] = useState(false);
  const [questionWidth, setQuestionWidth] = useStoredSize("interview:question-width", 380);
  const [bottomHeight, setBottomHeight] = useStoredSize("interview:bottom-height", 260);
  const [agentWidth, setAgentWidth] = useStoredSize("interview:agent-width", 360);
  // OFF: no panel at all. Unavailable on this installation: the panel says why.
  const agent = state.agent && state.agent.mode !== "OFF" ? state.agent : null;

  const testRun = useTestRunRequest(state.testRuns, send, state.lastError?.at ?? null);
  useShortcuts({
    runTests: canRunTests ? testRun.request : undefined,
    focusQuestion: () => focusPanel("question"),
    focusEditor: () => focusPanel("editor"),
    focusTerminal: () => focusPanel("terminal"),
    focusTests: () => focusPanel("tests"),
    help: () => setHelpOpen(true),
  });

  if (session?.status === "COMPLETED") return <ThankYou candidateName={candidateName} organizationName={organizationName} />;
  const question = session ? session.question : initial.question;

  return (
    <div className="flex h-dvh flex-col overflow-hidden bg-canvas">
      <header className="flex h-12 shrink-0 items-center gap-4 border-b border-line px-4">
        <div className="min-w-0 flex-1">
          <h1 className="truncate text-sm font-medium">{assessmentTitle}</h1>
        </div>
        <PresenceBar participants={state.participants} viewer="candidate" connectionId={state.connectionId} />
        {question ? <span className="text-xs text-fg-muted">Question {question.position + 1} of {question.count}</span> : null}
        <Timer deadlineAt={session?.deadlineAt ?? initial.deadlineAt} serverOffsetMs={state.serverOffsetMs} />
        <ShortcutsHelp open={helpOpen} onOpenChange={setHelpOpen} readOnly={false} />
        {session ? (
          <SessionActions
            session={session}
            connected={connected}
            onNext={() => send({ type: "question.next" })}
            onFinish={() => send({ type: "session.finish" })}
            lastErrorAt={state.lastError?.at ?? null}
          />
        ) : null}
      </header>
      <ConnectionBanner control={state.connection} editor={shared?.status ?? null} error={state.lastError} readOnly={false} onRetry={() => retryConnections(room, shared)} />
      {session?.status === "FINISHING" ? (
        <p role="status" className="flex items-center gap-2 border-b border-line bg-info-soft px-4 py-1.5 text-sm text-info-fg">
          <Spinner size="sm" /> Finishing your interview and running the final tests…
        </p>
      ) : null}
      <main
        id="main"
        className="grid min-h-0 flex-1"
        style={{ gridTemplateColumns: `${questionWidth}px 1px minmax(0,1fr)${agent ? ` 1px ${agentWidth}px` : ""}`, gridTemplateRows: `minmax(0,1fr) 1px ${bottomHeight}px` }}
      >
        <div data-panel="question" className="row-span-3 min-h-0 overflow-hidden bg-surface">
          <QuestionPanel question={question} />
        </div>
        <Splitter orientation="vertical" size={questionWidth} min={240} max={720} onChange={setQuestionWidth} label="Resize the question panel" className="row-span-3" />
        <div data-panel="editor" className="min-h-0 min-w-0">
          <Workspace shared={shared} mode={locked ? "locked" : "edit"} storageKey={`interview:${access.sessionId}:tabs`} onPaste={signals.onPaste} />
        </div>
        {agent ? (
          <>
            <Splitter orientation="vertical" size={agentWidth} min={280} max={720} invert onChange={setAgentWidth} label="Resize the AI assistant panel" className="col-start-4 row-span-3 row-start-1" />
            <div data-panel="agent" className="col-start-5 row-span-3 row-start-1 min-h-0 min-w-0 border-l border-line">
              <AgentPanel className="h-full" agent={agent} viewer="candidate" connected={connected && !locked} send={send} lastError={state.lastError} />
            </div>
          </>
        ) : null}
        <Splitter orientation="horizontal" size={bottomHeight} min={120} max={640} invert onChange={setBottomHeight} label="Resize the terminal and tests" />
        <div className="grid min-h-0 min-w-0 grid-cols-[minmax(0,3fr)_minmax(0,2fr)] divide-x divide-line">
          <div data-panel="terminal" className="min-h-0 min-w-0">
            <TerminalPanel
              className="h-full"
              stream={room.terminal}
              readOnly={locked}
              status={state.terminal}
              connected={connected}
              onInput={(data) => send({ type: "terminal.input", data })}
              onResize={({ cols, rows }) => send({ type: "terminal.resize", cols: clamp(cols, 10, 500), rows: clamp(rows, 4, 200) })}
            />
          </div>
          {canRunTests ? (
            <div data-panel="tests" className="min-h-0 min-w-0">
              <TestsPanel className="h-full" runs={state.testRuns} canRun connected={connected} pending={testRun.pending} onRun={testRun.request} questionPosition={question?.position ?? null} />
            </div>
          ) : (
            <p data-panel="tests" className="p-3 text-sm text-fg-muted">Tests run when you finish: this assessment keeps them hidden until then.</p>
          )}
        </div>
      </main>
    </div>
  );
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
