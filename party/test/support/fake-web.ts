// A stand-in for the web app's internal endpoints (packages/realtime internal-api.ts), speaking
// their exact wire contract: signed requests (verifyInternalRequest), RoomSessionInfo,
// next-question, finish, idempotent recording ingest on (sessionId, seq) and the recording's
// dead letters. It can be switched to answer 503, to play a web-app outage, and told to refuse
// some events for good (400), as the real ingest refuses what it cannot store. Used until —
// and beside — the real one.
import http from "node:http";
import type { AddressInfo } from "node:net";
import {
  FinishRequestSchema,
  IngestBatchSchema,
  INTERNAL_PATHS,
  RecordingDeadLetterRequestSchema,
  verifyInternalRequest,
  type NextQuestionResponse,
  type RecordingDeadLetterRequest,
  type RecordingEvent,
  type RoomSessionInfo,
} from "@interviewlm/realtime";

export interface FakeQuestion {
  questionId: string;
  title: string;
  statement: string;
  /** Starter files written into the workspace when this question begins. */
  files: { path: string; content: string }[];
  /** Test files injected into visible test runs. */
  runTestFiles: { path: string; content: string }[];
}

export interface FakeSession {
  sessionId: string;
  workspaceId: string | null;
  deadlineAt: number;
  canRunTests?: boolean;
  ai?: Pick<RoomSessionInfo, "aiAssistance" | "aiHelpLevel" | "aiBudget">;
  questions: FakeQuestion[];
  status?: RoomSessionInfo["status"];
  position?: number;
}

export class FakeWebApp {
  readonly sessions = new Map<string, Required<FakeSession>>();
  /** sessionId → seq → event; a repeated seq counts as a duplicate and is not stored again. */
  readonly recordings = new Map<string, Map<number, RecordingEvent>>();
  readonly finishes: { sessionId: string; reason: string }[] = [];
  /** The x-request-id of every signed request, by path. */
  readonly requestIds: { path: string; requestId: string | undefined }[] = [];
  /** Batches handed over as dead letters, in arrival order. */
  readonly deadLetters: RecordingDeadLetterRequest[] = [];
  ingestRequests = 0;
  duplicates = 0;
  rejectedSignatures = 0;
  /** Requests answered 503 because the app was down. */
  refusedWhileDown = 0;
  /** While true every endpoint answers 503. */
  down = false;
  /** A batch holding an event this returns a message for is refused with 400, like the real ingest refuses what it cannot store. */
  refuseEvent: ((event: RecordingEvent) => string | null) | null = null;
  private server: http.Server | null = null;
  url = "";

  constructor(private readonly secret: string) {}

  addSession(session: FakeSession): void {
    this.sessions.set(session.sessionId, { canRunTests: true, status: "ACTIVE", position: 0, ai: { aiAssistance: "OFF", aiHelpLevel: "GUIDE", aiBudget: null }, ...session });
  }

  info(sessionId: string): RoomSessionInfo {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`no session ${sessionId}`);
    const question = session.questions[session.position];
    return {
      sessionId,
      organizationId: "org_test",
      status: session.status,
      workspaceId: session.workspaceId,
      language: "python",
      deadlineAt: session.deadlineAt,
      aiAssistance: session.ai?.aiAssistance ?? "OFF",
      aiHelpLevel: session.ai?.aiHelpLevel ?? "GUIDE",
      aiBudget: session.ai?.aiBudget ?? null,
      testVisibility: "RESULTS_ONLY",
      question: question
        ? { questionId: question.questionId, position: session.position, count: session.questions.length, title: question.title, statement: question.statement, difficulty: "EASY", language: "python" }
        : null,
      runTestFiles: question?.runTestFiles ?? [],
      canRunTests: session.canRunTests,
    };
  }

  events(sessionId: string): RecordingEvent[] {
    return [...(this.recordings.get(sessionId)?.values() ?? [])].sort((a, b) => a.seq - b.seq);
  }

  async listen(): Promise<string> {
    this.server = http.createServer((request, response) => {
      void this.handle(request, response).catch((error: unknown) => {
        response.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "INTERNAL", message: String(error) } }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const send = (status: number, value: unknown): void => void response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
    if (this.down) {
      this.refusedWhileDown++;
      return send(503, { error: { code: "UNAVAILABLE", message: "down for the test" } });
    }
    const url = new URL(request.url ?? "/", "http://localhost");
    const headers = new Headers(Object.entries(request.headers).flatMap(([key, value]) => (typeof value === "string" ? [[key, value] as [string, string]] : [])));
    const verified = await verifyInternalRequest(this.secret, { method: request.method ?? "GET", path: url.pathname, body, headers });
    if (!verified.ok) {
      this.rejectedSignatures++;
      return send(401, { error: { code: "UNAUTHORIZED", message: `Internal request refused: ${verified.reason}` } });
    }
    this.requestIds.push({ path: url.pathname, requestId: headers.get("x-request-id") ?? undefined });
    if (request.method === "POST" && url.pathname === INTERNAL_PATHS.recordings) {
      const refusal = this.refusalOf(body);
      return refusal ? send(400, { error: { code: "BAD_REQUEST", message: refusal } }) : send(200, this.ingest(body));
    }
    if (request.method === "POST" && url.pathname === INTERNAL_PATHS.recordingDeadLetters) {
      this.deadLetters.push(RecordingDeadLetterRequestSchema.parse(JSON.parse(body)));
      return send(200, { id: `dl_${this.deadLetters.length}` });
    }
    const match = /^\/internal\/rooms\/([^/]+)(\/next-question|\/finish)?$/.exec(url.pathname);
    const session = match ? this.sessions.get(decodeURIComponent(match[1]!)) : undefined;
    if (!match || !session) return send(404, { error: { code: "NOT_FOUND", message: "not found" } });
    if (request.method === "GET" && !match[2]) return send(200, this.info(session.sessionId));
    if (request.method === "POST" && match[2] === "/next-question") return send(200, this.nextQuestion(session));
    if (request.method === "POST" && match[2] === "/finish") {
      const { reason } = FinishRequestSchema.parse(JSON.parse(body));
      this.finishes.push({ sessionId: session.sessionId, reason });
      session.status = "COMPLETED";
      return send(200, { session: this.info(session.sessionId) });
    }
    return send(405, { error: { code: "METHOD_NOT_ALLOWED", message: "method not allowed" } });
  }

  private nextQuestion(session: Required<FakeSession>): NextQuestionResponse {
    if (session.position + 1 >= session.questions.length) return { done: true, session: this.info(session.sessionId) };
    session.position++;
    return { done: false, session: this.info(session.sessionId), files: session.questions[session.position]!.files };
  }

  private refusalOf(body: string): string | null {
    if (!this.refuseEvent) return null;
    for (const event of IngestBatchSchema.parse(JSON.parse(body)).events) {
      const refusal = this.refuseEvent(event);
      if (refusal) return `events.${event.seq}: ${refusal}`;
    }
    return null;
  }

  private ingest(body: string): { inserted: number; duplicates: number } {
    this.ingestRequests++;
    const batch = IngestBatchSchema.parse(JSON.parse(body));
    let store = this.recordings.get(batch.sessionId);
    if (!store) this.recordings.set(batch.sessionId, (store = new Map()));
    let inserted = 0;
    let duplicates = 0;
    for (const event of batch.events) {
      if (store.has(event.seq)) duplicates++;
      else {
        store.set(event.seq, event);
        inserted++;
      }
    }
    this.duplicates += duplicates;
    return { inserted, duplicates };
  }
}
