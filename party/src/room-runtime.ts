// One interview room, assembled: the parts below each own one concern; this class builds
// them, loads what they stored, and wires the events between them. Everything it needs to
// survive a restart is in room storage; `start` rebuilds it all (and re-arms the jobs, since
// local alarms do not survive a restart).
import type { RoomSessionInfo, RoomTokenClaims } from "@interviewlm/realtime";
import type * as Party from "partykit/server";
import * as Y from "yjs";
import { RevokedAccess } from "./access.ts";
import { AgentRoom } from "./agent/agent-room.ts";
import { AGENT_ORIGIN, RoomWorkspace } from "./agent/room-workspace.ts";
import { actorOf } from "./auth.ts";
import { base64ToBytes, bytesToBase64 } from "./base64.ts";
import { Connections } from "./connections.ts";
import { CursorRecording } from "./editor/cursor-recording.ts";
import { connectYjs, DocCompactor, filesOf, onDocDetach, openEditorDoc, type EditorDoc } from "./editor/editor-doc.ts";
import { YjsFanout } from "./editor/yjs-fanout.ts";
import { guardYjsSocket, YjsFrameGuard } from "./editor/yjs-frame-guard.ts";
import { EditorMirror } from "./editor/mirror.ts";
import { createSandboxRef, type SandboxRef } from "./editor/sandbox-ref.ts";
import { SandboxSync } from "./editor/sandbox-sync.ts";
import { readRoomEnv, type RoomEnv } from "./env.ts";
import { WorkspaceLock } from "./errors.ts";
import { CLOSE_CODES, CURSOR_RECORD_INTERVAL_MS, START_TIMEOUT_MS, TERMINAL_RECORDING_LIMIT_CHARS, YJS_BUDGET, YJS_RECORD_WINDOW_MS } from "./limits.ts";
import { ConnectionBudget } from "./rate-limit.ts";
import { createLogger, errorMessage, type Logger } from "@interviewlm/infra/log";
import { DurableCoalescer } from "./recording/durable-coalescer.ts";
import { Recorder } from "./recording/recorder.ts";
import { ReviewerFeed } from "./reviewer-feed.ts";
import { Backoff, Scheduler, type JobName } from "./scheduler.ts";
import { SessionFlow } from "./session/session-flow.ts";
import { SessionState } from "./session/session-state.ts";
import type { Storage } from "./storage.ts";
import { TerminalBridge } from "./terminal/terminal-bridge.ts";
import { TestRuns } from "./test-runs.ts";
import { VisibleTests } from "./visible-tests.ts";
import { createWebClient } from "./web-client.ts";

const ROOM_ID_KEY = "meta:roomId";

export class RoomRuntime {
  readonly connections = new Connections();
  readonly lock = new WorkspaceLock();
  readonly scheduler: Scheduler;
  readonly recorder: Recorder;
  readonly session: SessionState;
  readonly flow: SessionFlow;
  readonly mirror: EditorMirror;
  readonly sync: SandboxSync;
  readonly terminal: TerminalBridge;
  readonly tests: TestRuns;
  readonly feed: ReviewerFeed;
  readonly access: RevokedAccess;
  readonly visibleTests: VisibleTests;
  readonly agent: AgentRoom;
  private readonly yjsUpdates: DurableCoalescer;
  private readonly cursors: CursorRecording;
  private readonly compactor: DocCompactor;
  private readonly fanout: YjsFanout;
  private readonly retries = { session: new Backoff(), mirror: new Backoff(), watch: new Backoff(), terminal: new Backoff() };
  private sandbox: SandboxRef | null = null;
  private workspaceStarted: Promise<void> | null = null;

  private constructor(
    readonly sessionId: string,
    readonly env: RoomEnv,
    readonly storage: Storage,
    readonly doc: EditorDoc,
    readonly log: Logger,
  ) {
    const web = createWebClient(env.WEB_INTERNAL_URL, env.ROOM_TOKEN_SECRET);
    const sandbox = () => this.sandbox;
    this.scheduler = new Scheduler(storage, (job) => this.runJob(job));
    this.recorder = new Recorder({ storage, web, sessionId, scheduler: this.scheduler, log });
    this.session = new SessionState(storage);
    const files = filesOf(doc);
    const { connections, recorder } = this;
    this.mirror = new EditorMirror({ files, storage, sandbox, recorder, log, onRetryNeeded: () => this.scheduler.set("mirror", this.retries.mirror.next()) });
    this.sync = new SandboxSync({
      doc,
      files,
      mirror: this.mirror,
      sandbox,
      recorder,
      log,
      onWatchLost: () => this.scheduler.set("watch", this.retries.watch.next()),
      canRecover: () => this.session.acceptsWork,
      onRecovered: () => this.onWorkspaceRecovered(),
    });
    this.terminal = new TerminalBridge({
      storage,
      sandbox,
      recorder,
      connections,
      log,
      recordingLimitChars: env.TERMINAL_RECORDING_LIMIT_CHARS ?? TERMINAL_RECORDING_LIMIT_CHARS,
      onLost: () => this.scheduler.set("terminal", this.retries.terminal.next()),
      // The watch job reconciles, which recreates a lost workspace: run it now.
      onWorkspaceLost: () => this.scheduler.set("watch", Date.now()),
    });
    this.tests = new TestRuns({ storage, connections, recorder, log });
    this.feed = new ReviewerFeed(storage, connections, recorder);
    this.access = new RevokedAccess(storage, connections, log);
    this.visibleTests = new VisibleTests(this);
    const workspace = new RoomWorkspace({
      doc,
      files,
      sandbox,
      flushEditor: () => this.mirror.flush(),
      runVisibleTests: async () => {
        const run = await this.visibleTests.run("agent");
        if (!run.result) throw new Error(run.error ?? "the test run failed");
        return run.result;
      },
      acceptsWork: () => this.session.acceptsWork,
    });
    this.agent = new AgentRoom({ env, storage, session: this.session, connections, recorder, log, workspace });
    this.flow = new SessionFlow({
      sessionId,
      web,
      state: this.session,
      scheduler: this.scheduler,
      connections,
      recorder,
      log,
      lock: this.lock,
      flushEditor: () => this.mirror.flush(),
      replaceWorkspace: (next) => this.sync.replaceAll(next),
      onInfo: (info) => this.onInfo(info),
      onCompleted: () => this.onCompleted(),
    });
    this.yjsUpdates = new DurableCoalescer(storage, {
      prefix: "yjsbuf:",
      windowMs: YJS_RECORD_WINDOW_MS,
      maxChars: 512 * 1024,
      // A lost piece is an update the room also lost from the document: the editor re-sends it.
      unconfirmedPieces: true,
      finalize: (actor, pieces) => {
        const update = pieces.length === 1 ? pieces[0]! : bytesToBase64(Y.mergeUpdates(pieces.map(base64ToBytes)));
        recorder.record("yjs.update", actor, { update });
      },
    });
    this.cursors = new CursorRecording({
      doc,
      awareness: doc.awareness,
      files,
      intervalMs: CURSOR_RECORD_INTERVAL_MS,
      record: (actor, cursor) => {
        // The offsets are against the document as it is now: its pending updates go first.
        this.yjsUpdates.flush();
        recorder.record("editor.cursor", actor, { ...cursor });
      },
    });
    this.compactor = new DocCompactor(doc, (error) => log.warn("doc.compact_failed", { message: errorMessage(error) }));
    this.fanout = new YjsFanout(doc);
    doc.on("update", this.onDocUpdate);
    onDocDetach(doc, () => {
      doc.off("update", this.onDocUpdate);
      this.fanout.detach();
      this.mirror.detach();
      this.cursors.detach();
    });
  }

  /** `storage` is the room's, or a wrapper of it (the server's erasable view). */
  static async start(room: Party.Room, storage: Storage = room.storage): Promise<RoomRuntime> {
    const sessionId = await resolveRoomId(room);
    const env = readRoomEnv(room.env);
    const doc = await openEditorDoc({ id: sessionId, storage });
    const runtime = new RoomRuntime(sessionId, env, storage, doc, createLogger({ room: sessionId }));
    await runtime.load();
    return runtime;
  }

  private async load(): Promise<void> {
    // The recorder first: recovering the other parts may record events.
    await this.recorder.load();
    await this.yjsUpdates.recover();
    await Promise.all([this.session.load(), this.mirror.load(), this.terminal.load(), this.tests.load(), this.feed.load(), this.access.load(), this.agent.load()]);
    try {
      await withTimeout(this.flow.refresh(), START_TIMEOUT_MS);
    } catch (error) {
      this.log.warn("session.load_failed", { cached: this.session.info !== null, message: errorMessage(error) });
      this.scheduler.set("session", this.retries.session.next());
      if (this.session.info) this.onInfo(this.session.info);
    }
    this.flow.armDeadline();
    if (this.session.completed) this.terminal.shutdown("The interview has finished");
    this.flow.resume();
    if (this.workspaceStarted) await withTimeout(this.workspaceStarted, START_TIMEOUT_MS).catch(() => undefined);
    this.log.info("room.started", { lastSeq: this.recorder.lastSeq, pendingEvents: this.recorder.pendingEvents, deadLettered: this.recorder.deadLettered, files: filesOf(this.doc).size });
  }

  /** The doc changed (a client, or the room from the sandbox): record it, coalesced. */
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    const claims = this.connections.claimsOfOrigin(origin);
    this.yjsUpdates.add(claims ? actorOf(claims) : origin === AGENT_ORIGIN ? "agent" : "room", bytesToBase64(update));
    this.compactor.noteUpdate();
  };

  private onInfo(info: RoomSessionInfo): void {
    void this.agent.onInfo(info).catch((error: unknown) => this.log.warn("agent.reset_failed", { message: errorMessage(error) }));
    if (this.sandbox || !info.workspaceId) return;
    this.sandbox = createSandboxRef(this.env.SANDBOX_URL, this.env.SANDBOX_SERVICE_SECRET, this.sessionId, info.workspaceId, info.language);
    this.workspaceStarted = this.startWorkspace();
  }

  /** First contact with the workspace: make the editor match it, watch it, attach the terminal. */
  private async startWorkspace(): Promise<void> {
    if (!this.session.completed) void this.terminal.open();
    try {
      await this.sync.reconcile();
      await this.sync.start();
      this.retries.watch.reset();
    } catch (error) {
      this.log.warn("workspace.sync_failed", { message: errorMessage(error) });
      this.scheduler.set("watch", this.retries.watch.next());
    }
  }

  /** A lost workspace was recreated from the document: the terminal and pending writes resume at once. */
  private onWorkspaceRecovered(): void {
    this.retries.terminal.reset();
    this.mirror.retry();
    if (!this.session.completed) void this.terminal.open();
  }

  private onCompleted(): void {
    this.agent.onCompleted();
    this.scheduler.clear("deadline");
    this.terminal.shutdown("The interview has finished");
    // y-partykit fixes read-only per socket: the candidate's editor reconnects read-only.
    for (const [conn, claims] of this.connections.yjsConnections()) if (claims.role === "candidate") conn.close(CLOSE_CODES.finished, "interview finished");
  }

  /** Hands a Yjs socket to y-partykit; it stays writable only for the candidate of an active session. */
  async connectYjs(conn: Party.Connection, claims: RoomTokenClaims, room: Party.Room): Promise<void> {
    const readOnly = claims.role === "reviewer" || this.session.completed || this.session.finishing !== null;
    const guarded = guardYjsSocket(conn, new YjsFrameGuard(readOnly, new ConnectionBudget(YJS_BUDGET), claims), (verdict) => {
      this.log.warn("yjs.frame_refused", { connectionId: conn.id, role: claims.role, userId: claims.uid, code: verdict.code, reason: verdict.reason });
      try {
        conn.close(verdict.code, verdict.reason);
      } catch {
        // already closing
      }
    });
    const wrapped = this.fanout.wrap(conn, guarded);
    this.connections.addYjs(conn, claims, wrapped);
    await connectYjs(wrapped, room, readOnly);
  }

  disconnectYjs(conn: Party.Connection): void {
    if (!this.connections.yjsClaimsOf(conn)) return;
    this.connections.removeYjs(conn);
    this.fanout.remove(conn);
    if (this.connections.yjsConnections().length === 0) {
      void this.compactor.compact().catch((error: unknown) => this.log.warn("doc.compact_failed", { message: errorMessage(error) }));
    }
  }

  get sandboxRef(): SandboxRef | null {
    return this.sandbox;
  }

  private runJob(job: JobName): void {
    const failed = (error: unknown) => this.log.warn(`job.${job}_failed`, { message: errorMessage(error) });
    switch (job) {
      case "recording":
        return void this.recorder.flush().catch(failed);
      case "deadline":
        return void this.flow.finish("timeout", "room").catch(failed);
      case "finish":
        return this.flow.resume();
      case "session":
        return void this.flow.refresh().then(
          () => this.retries.session.reset(),
          (error: unknown) => {
            failed(error);
            this.scheduler.set("session", this.retries.session.next());
          },
        );
      case "mirror":
        return this.mirror.retry();
      case "watch":
        return void this.sync
          .reconcile()
          .then(() => this.sync.start())
          .then(
            () => this.retries.watch.reset(),
            (error: unknown) => {
              failed(error);
              this.scheduler.set("watch", this.retries.watch.next());
            },
          );
      case "terminal":
        if (this.session.completed) return;
        return void this.terminal.open().then((ready) => ready && this.retries.terminal.reset(), failed);
    }
  }

  onAlarm(): void {
    this.scheduler.onAlarm();
  }
}

/** room.id is unavailable when an alarm wakes the room, so the first connection stores it. */
async function resolveRoomId(room: Party.Room): Promise<string> {
  let id: string | null = null;
  try {
    id = room.id;
  } catch {
    id = null;
  }
  const stored = (await room.storage.get<string>(ROOM_ID_KEY)) ?? null;
  if (id && stored !== id) await room.storage.put(ROOM_ID_KEY, id);
  const resolved = id ?? stored;
  if (!resolved) throw new Error("the room was woken before it ever had a connection; nothing to do");
  return resolved;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

