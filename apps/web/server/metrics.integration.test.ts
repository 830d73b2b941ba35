// GET /metrics on a real database (PGlite; PostgreSQL with TEST_DATABASE_URL): the gauges read
// at scrape time (outbox and evaluation queue depths, open recording dead letters, AI usage from
// recorded agent.usage events, room connections from recorded presence events) and the counters
// of this process, behind the bearer token.
import { createTestDatabase, type TestDatabase } from "@interviewlm/db/testing";
import express from "express";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebMetrics, mountMetrics, routeLabel } from "./metrics.ts";

const token = "t".repeat(40);
let db: TestDatabase;
let server: Server;
let base = "";

beforeAll(async () => {
  db = await createTestDatabase();
  const organization = await db.prisma.organization.create({ data: { name: "Metrics Org", slug: `metrics-org-${Date.now().toString(36)}` } });
  const assessment = await db.prisma.assessment.create({
    data: { organizationId: organization.id, title: "Metrics", role: "Engineer", seniority: "MID", languages: ["python"], durationMinutes: 60, questionCount: 1, questionSelection: "MANUAL", testVisibility: "RESULTS_ONLY", aiAssistance: "OFF" },
  });
  const candidate = await db.prisma.candidate.create({
    data: { organizationId: organization.id, assessmentId: assessment.id, name: "Candidate", email: "candidate@metrics.test", inviteNonce: "nonce-metrics", expiresAt: new Date(Date.now() + 86_400_000) },
  });
  const session = await db.prisma.interviewSession.create({
    data: { organizationId: organization.id, assessmentId: assessment.id, candidateId: candidate.id, status: "ACTIVE", language: "python", deadlineAt: new Date(Date.now() + 3_600_000) },
  });
  const usage = (seq: number, inputTokens: number, outputTokens: number, costMicroUsd: number) => ({
    sessionId: session.id,
    seq,
    at: new Date(),
    type: "agent.usage",
    actor: "agent",
    payload: { turnId: `turn-${seq}`, model: "claude", inputTokens, outputTokens, cacheCreationInputTokens: 0, cacheReadInputTokens: 200, costMicroUsd },
  });
  await db.prisma.recordingEvent.createMany({ data: [usage(1, 600, 100, 5_000), usage(2, 400, 150, 7_500)] });
  // Presence as the room records it: the candidate's page and two reviewers' pages open, one
  // reviewer gone again, the candidate's page reconnected to a restarted room (a second join
  // of the same connection id) — and a finished session whose pages no longer count.
  const presence = (sessionId: string, seq: number, type: "presence.joined" | "presence.left", connectionId: string, role: "candidate" | "reviewer") => ({
    sessionId,
    seq,
    at: new Date(),
    type,
    actor: role === "candidate" ? "candidate:c" : `reviewer:${connectionId}`,
    payload: { connectionId, role, userId: `user-${connectionId}`, name: connectionId },
  });
  await db.prisma.recordingEvent.createMany({
    data: [
      presence(session.id, 3, "presence.joined", "cand-1", "candidate"),
      presence(session.id, 4, "presence.joined", "rev-1", "reviewer"),
      presence(session.id, 5, "presence.joined", "rev-2", "reviewer"),
      presence(session.id, 6, "presence.left", "rev-2", "reviewer"),
      presence(session.id, 7, "presence.joined", "cand-1", "candidate"),
    ],
  });
  const finishedCandidate = await db.prisma.candidate.create({
    data: { organizationId: organization.id, assessmentId: assessment.id, name: "Finished", email: "finished@metrics.test", inviteNonce: "nonce-metrics-2", expiresAt: new Date(Date.now() + 86_400_000) },
  });
  const finished = await db.prisma.interviewSession.create({
    data: { organizationId: organization.id, assessmentId: assessment.id, candidateId: finishedCandidate.id, status: "COMPLETED", language: "python", deadlineAt: new Date(Date.now() + 3_600_000) },
  });
  await db.prisma.recordingEvent.createMany({ data: [presence(finished.id, 1, "presence.joined", "cand-2", "candidate"), presence(finished.id, 2, "presence.joined", "rev-3", "reviewer")] });
  const email = (status: "QUEUED" | "SENDING" | "SENT", n: number) => ({ template: "verify-email", toAddress: `ada${n}@metrics.test`, fromAddress: "no-reply@metrics.test", subject: "s", html: "h", text: "t", status });
  const deadLetter = (firstSeq: number, lastSeq: number, resolvedAt: Date | null) => ({
    sessionId: session.id, firstSeq, lastSeq, eventCount: lastSeq - firstSeq + 1, status: 400, reason: "refused", body: Buffer.from("{}"), bodyBytes: 2, resolvedAt,
  });
  await db.prisma.recordingDeadLetter.createMany({ data: [deadLetter(10, 12, null), deadLetter(20, 20, null), deadLetter(30, 39, new Date())] });
  await db.prisma.evaluation.create({ data: { organizationId: organization.id, sessionId: session.id, version: "metrics-test" } });
  await db.prisma.emailMessage.createMany({ data: [email("QUEUED", 1), email("QUEUED", 2), email("QUEUED", 3), email("SENDING", 4), email("SENT", 5)] });

  const app = express();
  const metrics = createWebMetrics({ db: db.prisma, sandbox: null });
  app.use(metrics.http);
  mountMetrics(app, metrics, token);
  metrics.observeIngest([new Date(Date.now() - 1500)]);
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await db?.close();
});

describe("route labels", () => {
  it("keep the app's route groups and fold every other URL into one label", () => {
    expect(routeLabel("/")).toBe("/");
    expect(routeLabel("/app/assessments/abc")).toBe("/app");
    expect(routeLabel("/internal/recordings")).toBe("/internal/recordings");
    expect(routeLabel("/wp-login.php")).toBe("other");
  });
});

describe("GET /metrics", () => {
  it("refuses a scrape without the bearer token, or with a wrong one", async () => {
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${"x".repeat(40)}` } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("answers in the Prometheus text format with requests, ingest lag, queue depth, dead letters, AI usage and room connections", async () => {
    const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/^http_requests_total\{method="GET",route="\/metrics",status="401"\} 2$/m);
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{le="\+Inf",method="GET",route="\/metrics"\} 2$/m);
    expect(text).toMatch(/^interviewlm_recording_ingest_lag_seconds_bucket\{le="2"\} 1$/m);
    expect(text).toMatch(/^interviewlm_outbox_queue_depth\{status="QUEUED"\} 3$/m);
    expect(text).toMatch(/^interviewlm_outbox_queue_depth\{status="SENDING"\} 1$/m);
    // Two batches set aside and not yet retried (4 events); the third was stored by a retry.
    expect(text).toMatch(/^interviewlm_recording_dead_letters_open 2$/m);
    expect(text).toMatch(/^interviewlm_recording_dead_letter_events_open 4$/m);
    expect(text).toMatch(/^interviewlm_evaluation_queue_depth\{status="QUEUED"\} 1$/m);
    expect(text).toMatch(/^interviewlm_evaluation_queue_depth\{status="RUNNING"\} 0$/m);
    expect(text).toMatch(/^interviewlm_ai_calls 2$/m);
    expect(text).toMatch(/^interviewlm_ai_tokens\{kind="input"\} 1000$/m);
    expect(text).toMatch(/^interviewlm_ai_tokens\{kind="output"\} 250$/m);
    expect(text).toMatch(/^interviewlm_ai_tokens\{kind="cache_read"\} 400$/m);
    expect(text).toMatch(/^interviewlm_ai_cost_usd 0\.0125$/m);
    expect(text).toMatch(/^interviewlm_room_connections\{role="candidate"\} 1$/m);
    expect(text).toMatch(/^interviewlm_room_connections\{role="reviewer"\} 1$/m);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
  });
});
