// Moving through the interview: the next question, finishing (by the candidate or at the
// deadline). Each step flushes the editor into the sandbox first, so the web app and the
// tests see exactly what the candidate wrote. Finishing is stored before it starts and
// retried with backoff until the web app confirms, across restarts too.
import type { RoomSessionInfo, WorkspaceFileSchema } from "@interviewlm/realtime";
import type { z } from "zod";
import type { Connections } from "../connections.ts";
import { RoomError, type WorkspaceLock } from "../errors.ts";
import { RECORDING_RETRY_MAX_MS, RECORDING_RETRY_MIN_MS } from "../limits.ts";
import { errorMessage, type Logger } from "@interviewlm/infra/log";
import type { Recorder } from "../recording/recorder.ts";
import type { Scheduler } from "../scheduler.ts";
import { WebRequestError, type WebClient } from "../web-client.ts";
import type { FinishReason, SessionState } from "./session-state.ts";

export interface SessionFlowDeps {
  sessionId: string;
  web: WebClient;
  state: SessionState;
  scheduler: Scheduler;
  connections: Connections;
  recorder: Recorder;
  log: Logger;
  lock: WorkspaceLock;
  flushEditor(): Promise<void>;
  replaceWorkspace(files: z.infer<typeof WorkspaceFileSchema>[]): Promise<void>;
  /** New session info arrived (e.g. the workspace id became known). */
  onInfo(info: RoomSessionInfo): void;
  /** The session is over: the room stops taking workspace changes. */
  onCompleted(): void;
}

export class SessionFlow {
  private finishRetryMs = RECORDING_RETRY_MIN_MS;

  constructor(private readonly deps: SessionFlowDeps) {}

  async refresh(): Promise<void> {
    this.apply(await this.deps.web.session(this.deps.sessionId));
  }

  /** Stores new info, tells everyone, re-arms the deadline. */
  apply(info: RoomSessionInfo): void {
    const { state } = this.deps;
    const wasCompleted = state.completed;
    state.setInfo(info);
    this.broadcastSession();
    this.armDeadline();
    this.deps.onInfo(info);
    if (state.completed && !wasCompleted) this.deps.onCompleted();
  }

  armDeadline(): void {
    const { state, scheduler } = this.deps;
    if (state.info && !state.completed && state.finishing === null) scheduler.set("deadline", state.info.deadlineAt);
    else scheduler.clear("deadline");
  }

  /** `requestId`: the asking socket's, so the web app's and the sandbox's lines about it match. */
  nextQuestion(actor: string, requestId?: string): Promise<void> {
    return this.deps.lock.run(async () => {
      this.requireActive();
      await this.deps.flushEditor();
      const next = await this.deps.web.nextQuestion(this.deps.sessionId, requestId);
      if (next.done) {
        this.deps.state.setInfo(next.session);
        return this.finishLocked("candidate", actor);
      }
      await this.deps.replaceWorkspace(next.files);
      const question = next.session.question;
      if (question) this.deps.recorder.record("question.changed", actor, { position: question.position, questionId: question.questionId, title: question.title });
      this.apply(next.session);
    });
  }

  finish(reason: FinishReason, actor: string, requestId?: string): Promise<void> {
    return this.deps.lock.run(() => this.finishLocked(reason, actor, requestId));
  }

  /** After a restart: a finish that had started is carried on. */
  resume(): void {
    const reason = this.deps.state.finishing;
    if (reason) void this.finish(reason, "room").catch(() => undefined);
    else if (this.deps.state.info && !this.deps.state.completed && this.deps.state.info.deadlineAt <= Date.now()) void this.finish("timeout", "room").catch(() => undefined);
  }

  private async finishLocked(reason: FinishReason, actor: string, requestId?: string): Promise<void> {
    const { state, log } = this.deps;
    if (state.completed) return;
    if (state.finishing === null) {
      state.setFinishing(reason);
      this.armDeadline();
      this.broadcastSession();
    }
    try {
      await this.deps.flushEditor();
    } catch (error) {
      // The sandbox keeps the last content it got; finishing must not wait on it forever.
      log.warn("session.finish_flush_failed", { message: errorMessage(error) });
    }
    let info: RoomSessionInfo;
    try {
      info = await this.deps.web.finish(this.deps.sessionId, state.finishing ?? reason, requestId);
    } catch (error) {
      // Refused for good (e.g. the session FAILED meanwhile): the web app's view decides.
      if (error instanceof WebRequestError && error.permanent && (await this.settledElsewhere())) return;
      log.warn("session.finish_failed", { retryInMs: this.finishRetryMs, message: errorMessage(error) });
      this.deps.scheduler.set("finish", Date.now() + this.finishRetryMs);
      this.finishRetryMs = Math.min(RECORDING_RETRY_MAX_MS, this.finishRetryMs * 2);
      throw new RoomError("finish_pending", "Finishing is taking longer than usual; the room keeps trying");
    }
    this.deps.recorder.record("session.finished", actor, { reason: state.finishing ?? reason });
    state.setFinishing(null);
    this.deps.scheduler.clear("finish");
    if (info.status !== "COMPLETED" && info.status !== "FAILED") {
      // The contract says a finished session is COMPLETED; anything else would re-open the
      // workspace and, past the deadline, finish again in a loop.
      log.warn("session.finish_not_completed", { status: info.status });
      info = { ...info, status: "COMPLETED" };
    }
    this.apply(info);
  }

  /** True when the web app already has the session over; the room then adopts that. */
  private async settledElsewhere(): Promise<boolean> {
    try {
      const info = await this.deps.web.session(this.deps.sessionId);
      if (info.status !== "COMPLETED" && info.status !== "FAILED") return false;
      this.deps.state.setFinishing(null);
      this.deps.scheduler.clear("finish");
      this.apply(info);
      return true;
    } catch {
      return false;
    }
  }

  private requireActive(): void {
    if (!this.deps.state.acceptsWork) throw new RoomError("session_finished", "The interview is finished; the workspace can no longer change");
  }

  private broadcastSession(): void {
    const session = this.deps.state.view();
    if (session) this.deps.connections.broadcast({ type: "session", session });
  }
}
