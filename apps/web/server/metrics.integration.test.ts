// GET /metrics on a real database (PGlite; PostgreSQL with TEST_DATABASE_URL): the gauges read
// at scrape time (outbox and evaluation queue depths, AI usage from recorded agent.usage events) and the counters of
// this process, behind the bearer token.
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
  const email = (status: "QUEUED" | "SENDING" | "SENT", n: number) => ({ template: "verify-email", toAddress: `ada${n}@metrics.test`, fromAddress: "no-reply@metrics.test", subject: "s", html: "h", text: "t", status });
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

  it("answers in the Prometheus text format with requests, ingest lag, queue depth and AI usage", async () => {
    const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/^http_requests_total\{method="GET",route="\/metrics",status="401"\} 2$/m);
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{le="\+Inf",method="GET",route="\/metrics"\} 2$/m);
    expect(text).toMatch(/^interviewlm_recording_ingest_lag_seconds_bucket\{le="2"\} 1$/m);
    expect(text).toMatch(/^interviewlm_outbox_queue_depth\{status="QUEUED"\} 3$/m);
    expect(text).toMatch(/^interviewlm_outbox_queue_depth\{status="SENDING"\} 1$/m);
    expect(text).toMatch(/^interviewlm_evaluation_queue_depth\{status="QUEUED"\} 1$/m);
    expect(text).toMatch(/^interviewlm_evaluation_queue_depth\{status="RUNNING"\} 0$/m);
    expect(text).toMatch(/^interviewlm_ai_calls 2$/m);
    expect(text).toMatch(/^interviewlm_ai_tokens\{kind="input"\} 1000$/m);
    expect(text).toMatch(/^interviewlm_ai_tokens\{kind="output"\} 250$/m);
    expect(text).toMatch(/^interviewlm_ai_tokens\{kind="cache_read"\} 400$/m);
    expect(text).toMatch(/^interviewlm_ai_cost_usd 0\.0125$/m);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
  });
});
