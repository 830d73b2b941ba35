// Removing a member, changing their role, or their leaving tells the rooms of the
// organisation's live interviews at once (a local server speaking the rooms' signed revocation
// protocol stands in for PartyKit here; party/test/revocation.test.ts covers the room side),
// with a version that refuses every room token minted before and accepts those minted after.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRoomAdminClient, RevokeAccessRequestSchema, verifyInternalRequest, verifyRoomToken, type RevokeAccessRequest } from "@interviewlm/realtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, sessionCookieFrom, type Harness, type TestUser } from "./testing/index.ts";

const ROOM_SECRET = "test-room-secret-0123456789abcdefghijklmnopqrstuvwxyz";

/** The rooms' revocation endpoint: verifies the signature like the room does and keeps what it was told. */
class RoomsTestServer {
  readonly revocations: ({ sessionId: string } & RevokeAccessRequest)[] = [];
  private readonly server = http.createServer((request, response) => void this.handle(request, response));
  url = "";

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const path = new URL(request.url ?? "/", "http://x").pathname;
    const headers = new Headers(Object.entries(request.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
    const verified = await verifyInternalRequest(ROOM_SECRET, { method: request.method ?? "", path, body, headers });
    const match = /^\/parties\/main\/([^/]+)\/access\/revoke$/.exec(path);
    if (!verified.ok || !match) return void response.writeHead(401).end();
    this.revocations.push({ sessionId: decodeURIComponent(match[1]!), ...RevokeAccessRequestSchema.parse(JSON.parse(body)) });
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ closed: 0 }));
  }
}

let h: Harness;
let rooms: RoomsTestServer;
let owner: TestUser;
let rival: TestUser;

beforeAll(async () => {
  rooms = new RoomsTestServer();
  await rooms.listen();
  h = await createHarness({ roomTokenSecret: ROOM_SECRET, rooms: createRoomAdminClient({ baseUrl: rooms.url, secret: ROOM_SECRET }) });
  owner = await h.signUpVerified({ name: "Olga", email: "olga@acme.test", organizationName: "Acme" });
  rival = await h.signUpVerified({ name: "Rex", email: "rex@rival.test", organizationName: "Rival" });
});
afterAll(async () => {
  await h?.close();
  await rooms?.close();
});

const as = (user: TestUser) => h.caller({ cookie: user.cookie });

async function inviteAndJoin(email: string, role: "ADMIN" | "MEMBER" | "VIEWER"): Promise<TestUser & { membershipId: string }> {
  await (await as(owner)).members.invite({ email, role });
  const link = await h.linkFromLatestEmail(email, "/invitations/");
  const invitationToken = decodeURIComponent(link.split("/invitations/")[1]!);
  const api = await h.caller();
  const result = await api.auth.signUp({ name: email.split("@")[0]!, email, password: "a long enough password", invitationToken });
  const membershipId = (await (await as(owner)).members.list()).find((m) => m.email === email)!.membershipId;
  return { cookie: sessionCookieFrom(api.responseHeaders)!, userId: result.userId, organizationId: result.organizationId!, email, password: "a long enough password", membershipId };
}

let seeded = 0;
async function liveSession(organizationId: string, status: "ACTIVE" | "COMPLETED" = "ACTIVE"): Promise<string> {
  const prisma = h.db.prisma;
  const n = ++seeded;
  const assessment = await prisma.assessment.create({
    data: { organizationId, title: `Live ${n}`, role: "Engineer", seniority: "MID", languages: ["python"], durationMinutes: 60, questionCount: 1, questionSelection: "MANUAL" },
  });
  const candidate = await prisma.candidate.create({
    data: { organizationId, assessmentId: assessment.id, name: `Cand ${n}`, email: `cand-${n}@x.test`, inviteNonce: `nonce-rooms-${n}`, expiresAt: new Date(Date.now() + 86_400_000) },
  });
  const session = await prisma.interviewSession.create({
    data: { organizationId, assessmentId: assessment.id, candidateId: candidate.id, status, language: "python", workspaceId: null, deadlineAt: new Date(Date.now() + 3_600_000) },
  });
  return session.id;
}

describe("room access follows membership", () => {
  it("a role change tells every live room of the organisation, refusing the old token and not the new one", async () => {
    const live = [await liveSession(owner.organizationId), await liveSession(owner.organizationId)];
    const finished = await liveSession(owner.organizationId, "COMPLETED");
    const elsewhere = await liveSession(rival.organizationId);
    const mia = await inviteAndJoin("mia@acme.test", "MEMBER");

    const before = await verifyRoomToken(ROOM_SECRET, (await (await as(mia)).live.join({ sessionId: live[0]! })).roomToken);
    expect(before.perms).toEqual(["notes:write"]);
    rooms.revocations.length = 0;
    await (await as(owner)).members.changeRole({ membershipId: mia.membershipId, role: "VIEWER" });

    expect(rooms.revocations.map((r) => r.sessionId).sort()).toEqual([...live].sort());
    expect(rooms.revocations.map((r) => r.sessionId)).not.toContain(finished);
    expect(rooms.revocations.map((r) => r.sessionId)).not.toContain(elsewhere);
    const { before: cutoff, userId } = rooms.revocations[0]!;
    expect(userId).toBe(mia.userId);
    expect(before.mv).toBeLessThan(cutoff);

    const after = await verifyRoomToken(ROOM_SECRET, (await (await as(mia)).live.join({ sessionId: live[0]! })).roomToken);
    expect(after.perms).toEqual([]);
    expect(after.mv).toBeGreaterThanOrEqual(cutoff);
  });

  it("removing a member or their leaving refuses every token they were given", async () => {
    const sessionId = await liveSession(owner.organizationId);
    const vic = await inviteAndJoin("vic@acme.test", "VIEWER");
    const token = await verifyRoomToken(ROOM_SECRET, (await (await as(vic)).live.join({ sessionId })).roomToken);
    rooms.revocations.length = 0;
    await (await as(owner)).members.remove({ membershipId: vic.membershipId });
    const told = rooms.revocations.filter((r) => r.sessionId === sessionId);
    expect(told).toEqual([expect.objectContaining({ userId: vic.userId })]);
    expect(token.mv).toBeLessThan(told[0]!.before);

    const ada = await inviteAndJoin("ada@acme.test", "MEMBER");
    const adaToken = await verifyRoomToken(ROOM_SECRET, (await (await as(ada)).live.join({ sessionId })).roomToken);
    rooms.revocations.length = 0;
    await (await as(ada)).organization.leave();
    const toldAda = rooms.revocations.filter((r) => r.sessionId === sessionId);
    expect(toldAda).toEqual([expect.objectContaining({ userId: ada.userId })]);
    expect(adaToken.mv).toBeLessThan(toldAda[0]!.before);
  });

  it("an unchanged role tells no room", async () => {
    await liveSession(owner.organizationId);
    const max = await inviteAndJoin("max@acme.test", "MEMBER");
    rooms.revocations.length = 0;
    await (await as(owner)).members.changeRole({ membershipId: max.membershipId, role: "MEMBER" });
    expect(rooms.revocations).toEqual([]);
  });
});
