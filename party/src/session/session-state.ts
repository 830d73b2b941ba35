// The session as the room knows it: the web app's RoomSessionInfo (cached in storage so a
// room that restarts while the web app is down still knows its session) and whether a
// finish is in progress (stored, so a restart resumes it).
import type { RoomSessionInfo, SessionView } from "@interviewlm/realtime";
import { guard, type Storage } from "../storage.ts";

const INFO_KEY = "session:info";
const FINISHING_KEY = "session:finishing";

export type FinishReason = "candidate" | "timeout";

export class SessionState {
  info: RoomSessionInfo | null = null;
  finishing: FinishReason | null = null;

  constructor(private readonly storage: Storage) {}

  async load(): Promise<void> {
    this.info = (await this.storage.get<RoomSessionInfo>(INFO_KEY)) ?? null;
    this.finishing = (await this.storage.get<FinishReason>(FINISHING_KEY)) ?? null;
  }

  setInfo(info: RoomSessionInfo): void {
    this.info = info;
    guard(this.storage.put(INFO_KEY, info));
  }

  setFinishing(reason: FinishReason | null): void {
    this.finishing = reason;
    guard(reason === null ? this.storage.delete(FINISHING_KEY) : this.storage.put(FINISHING_KEY, reason));
  }

  get completed(): boolean {
    return this.info?.status === "COMPLETED" || this.info?.status === "FAILED";
  }

  /** The candidate may still change the workspace (type, run tests, move on). */
  get acceptsWork(): boolean {
    return this.info !== null && !this.completed && this.finishing === null;
  }

  view(): SessionView | null {
    const info = this.info;
    if (!info) return null;
    const question = info.question;
    return {
      sessionId: info.sessionId,
      status: this.completed ? "COMPLETED" : this.finishing ? "FINISHING" : "ACTIVE",
      deadlineAt: info.deadlineAt,
      language: info.language,
      aiAssistance: info.aiAssistance,
      testVisibility: info.testVisibility,
      question: question
        ? { position: question.position, count: question.count, title: question.title, statement: question.statement, difficulty: question.difficulty, language: question.language }
        : null,
    };
  }
}
