// A reviewer watching a live interview: the candidate's editor, terminal and tests exactly as
// they are (read-only), the question, private notes and the paste / focus signals.
import { Badge, Tabs, TabsContent, TabsList, TabsTrigger } from "@interviewlm/ui";
import { useState } from "react";
import { ConnectionBanner } from "./connection-banner";
import { AgentPanel } from "./agent-panel";
import { NotesPanel } from "./notes-panel";
import { focusPanel } from "./panel-focus";
import { PresenceBar } from "./presence-bar";
import { QuestionPanel } from "./question-panel";
import { useShortcuts } from "./shortcuts";
import { ShortcutsHelp } from "./shortcuts-help";
import { meaningfulSignals } from "./signal-summary";
import { SignalsPanel } from "./signals-panel";
import { TerminalPanel } from "./terminal-panel";
import { TestsPanel } from "./tests-panel";
import { Timer } from "./timer";
import { retryConnections, useRoom, type RoomAccess } from "./use-room";
import { useTokenRefresh } from "./use-token-refresh";
import { useYDoc } from "./use-y-doc";
import { Workspace } from "./workspace";

export interface ReviewerRoomProps {
  access: RoomAccess;
  candidateName: string;
  assessmentTitle: string;
  /** Asked shortly before the room token expires: the page reloads its data, minting a new one. */
  refreshAccess: () => void;
  /** The reviewer's role may add private notes (`notes:write`). */
  canWriteNotes: boolean;
}

const STATUS_BADGE = {
  ACTIVE: { tone: "success", label: "In progress" },
  FINISHING: { tone: "info", label: "Finishing" },
  COMPLETED: { tone: "neutral", label: "Finished" },
} as const;

export function ReviewerRoom({ access, candidateName, assessmentTitle, refreshAccess, canWriteNotes }: ReviewerRoomProps) {
  // A removed member's page then fails to get a pass (and says so); a new role gets a new one.
  const room = useRoom(access, refreshAccess);
  const { state, send } = room;
  const me = state.participants.find((p) => p.connectionId === state.connectionId);
  const shared = useYDoc(access, me ? { id: me.userId, name: me.name, role: me.role } : null);
  useTokenRefresh(access.roomToken, refreshAccess);
  const [helpOpen, setHelpOpen] = useState(false);
  const [sideTab, setSideTab] = useState("question");
  const connected = state.connection === "open";
  const session = state.session;
  const status = session ? STATUS_BADGE[session.status] : null;
  const signalCount = meaningfulSignals(state.signals).length;

  useShortcuts({
    focusQuestion: () => (setSideTab("question"), requestAnimationFrame(() => focusPanel("question"))),
    focusEditor: () => focusPanel("editor"),
    focusTerminal: () => focusPanel("terminal"),
    focusTests: () => focusPanel("tests"),
    help: () => setHelpOpen(true),
  });

  return (
    <div className="flex flex-col gap-3">
      <header className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="min-w-0 flex-1">
          <h1 className="truncate text-lg font-semibold tracking-tight">{candidateName}</h1>
          <p className="truncate text-sm text-fg-muted">
            {assessmentTitle}
            {session?.question ? ` · Question ${session.question.position + 1} of ${session.question.count}` : ""}
          </p>
        </div>
        {status ? <Badge tone={status.tone} dot>{status.label}</Badge> : null}
        <PresenceBar participants={state.participants} viewer="reviewer" connectionId={state.connectionId} finished={session?.status === "COMPLETED"} />
        {session?.status === "COMPLETED" ? null : <Timer deadlineAt={session?.deadlineAt ?? null} serverOffsetMs={state.serverOffsetMs} />}
        <ShortcutsHelp open={helpOpen} onOpenChange={setHelpOpen} readOnly />
      </header>
      <p className="text-xs text-fg-muted">You are watching live and cannot change anything. Notes are private to reviewers.</p>
      <div className="overflow-hidden rounded-lg border border-line">
        <ConnectionBanner control={state.connection} editor={shared?.status ?? null} error={state.lastError} readOnly onRetry={() => retryConnections(room, shared)} />
        <div className="grid h-[calc(100dvh-13rem)] min-h-[36rem] grid-cols-[minmax(0,1fr)_20rem] grid-rows-[minmax(0,3fr)_minmax(0,2fr)] divide-line">
          <div data-panel="editor" className="min-h-0 min-w-0 border-b border-line">
            <Workspace shared={shared} mode="watch" storageKey={`live:${access.sessionId}:tabs`} />
          </div>
          <aside aria-label="Question, notes and signals" className="row-span-2 flex min-h-0 flex-col border-l border-line bg-surface">
            <Tabs value={sideTab} onValueChange={setSideTab} className="flex min-h-0 flex-1 flex-col">
              <TabsList className="shrink-0 px-2">
                <TabsTrigger value="question">Question</TabsTrigger>
                <TabsTrigger value="notes">Notes{state.notes.length ? ` (${state.notes.length})` : ""}</TabsTrigger>
                <TabsTrigger value="signals">Signals{signalCount ? ` (${signalCount})` : ""}</TabsTrigger>
                {state.agent && state.agent.mode !== "OFF" ? <TabsTrigger value="agent">AI{state.agent.turns.length ? ` (${state.agent.turns.length})` : ""}</TabsTrigger> : null}
              </TabsList>
              <TabsContent value="question" data-panel="question" className="min-h-0 flex-1 pt-0">
                <QuestionPanel question={session?.question ?? null} />
              </TabsContent>
              <TabsContent value="notes" className="min-h-0 flex-1 pt-0">
                <NotesPanel notes={state.notes} connected={connected} canWrite={canWriteNotes} onAdd={(text) => send({ type: "note.add", text })} />
              </TabsContent>
              <TabsContent value="signals" className="min-h-0 flex-1 pt-0">
                <SignalsPanel signals={state.signals} serverOffsetMs={state.serverOffsetMs} />
              </TabsContent>
              {state.agent && state.agent.mode !== "OFF" ? (
                <TabsContent value="agent" data-panel="agent" className="flex min-h-0 flex-1 flex-col pt-0">
                  <AgentPanel className="min-h-0 flex-1" agent={state.agent} viewer="reviewer" connected={connected} send={send} lastError={null} />
                </TabsContent>
              ) : null}
            </Tabs>
          </aside>
          <div className="grid min-h-0 min-w-0 grid-cols-[minmax(0,3fr)_minmax(0,2fr)] divide-x divide-line">
            <div data-panel="terminal" className="min-h-0 min-w-0">
              <TerminalPanel className="h-full" stream={room.terminal} readOnly status={state.terminal} connected={connected} />
            </div>
            <div data-panel="tests" className="min-h-0 min-w-0">
              {session?.testVisibility === "HIDDEN" && state.testRuns.length === 0 ? (
                <p className="p-3 text-sm text-fg-muted">This assessment keeps the tests hidden: the candidate cannot run them, and the hidden tests run when they finish.</p>
              ) : (
                <TestsPanel className="h-full" runs={state.testRuns} canRun={false} connected={connected} questionPosition={session?.question?.position ?? null} />
              )}
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
