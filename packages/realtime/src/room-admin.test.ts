// The web app's calls to the rooms' revocation and erase endpoints go through the one JSON-over-HTTP
// helper: signed, retried only through "not now" answers, the answer held to its contract.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { verifyInternalRequest } from "./internal-auth.ts";
import { createRoomAdminClient, ROOM_ADMIN_PATHS } from "./room-admin.ts";

const SECRET = "room-admin-test-secret-0123456789abcdefghijklmnop";
const REQUEST = { userId: "user_1", before: 1_700_000_000_000 };

interface Seen {
  path: string;
  body: string;
  signed: boolean;
}

/** A room that answers each request with the next of `answers` (the last one repeats). */
async function rooms(answers: { status: number; body: string }[]) {
  const seen: Seen[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const path = new URL(request.url ?? "/", "http://rooms").pathname;
      const headers = new Headers(Object.entries(request.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
      const verdict = await verifyInternalRequest(SECRET, { method: request.method ?? "", path, body, headers });
      seen.push({ path, body, signed: verdict.ok });
      const answer = answers[Math.min(seen.length - 1, answers.length - 1)]!;
      response.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

const closed = (n: number) => ({ status: 200, body: JSON.stringify({ closed: n }) });

describe("the rooms' admin client", () => {
  it("sends each room a signed revocation and reports none failed", async () => {
    const room = await rooms([closed(1)]);
    const client = createRoomAdminClient({ baseUrl: `${room.url}/`, secret: SECRET });
    expect(await client.revokeAccess(["sess_a", "sess/b"], REQUEST)).toEqual({ failed: [] });
    expect(room.seen.map((s) => s.path).sort()).toEqual([ROOM_ADMIN_PATHS.revokeAccess("sess/b"), ROOM_ADMIN_PATHS.revokeAccess("sess_a")].sort());
    expect(room.seen.every((s) => s.signed && JSON.parse(s.body).userId === "user_1")).toBe(true);
  });

  it("tries again through a 503 (revoking twice does no harm)", async () => {
    const room = await rooms([{ status: 503, body: "{}" }, closed(2)]);
    const client = createRoomAdminClient({ baseUrl: room.url, secret: SECRET });
    expect(await client.revokeAccess(["sess_a"], REQUEST)).toEqual({ failed: [] });
    expect(room.seen).toHaveLength(2);
  });

  it("does not repeat a refusal, and reports the room as failed", async () => {
    const room = await rooms([{ status: 401, body: '{"error":"bad signature"}' }]);
    const client = createRoomAdminClient({ baseUrl: room.url, secret: SECRET });
    expect(await client.revokeAccess(["sess_a"], REQUEST)).toEqual({ failed: ["sess_a"] });
    expect(room.seen).toHaveLength(1);
  });

  it("reports a room whose answer breaks the contract, or that does not listen, as failed", async () => {
    const room = await rooms([{ status: 200, body: '{"closed":"all"}' }]);
    expect(await createRoomAdminClient({ baseUrl: room.url, secret: SECRET }).revokeAccess(["sess_a"], REQUEST)).toEqual({ failed: ["sess_a"] });
    const gone = await rooms([closed(0)]);
    await new Promise((resolve) => servers.pop()!.close(resolve));
    expect(await createRoomAdminClient({ baseUrl: gone.url, secret: SECRET }).revokeAccess(["sess_b"], REQUEST)).toEqual({ failed: ["sess_b"] });
  });
});

const erased = (keysDeleted: number, keysRemaining = 0) => ({ status: 200, body: JSON.stringify({ keysDeleted, keysRemaining }) });

describe("erasing a room", () => {
  it("sends a signed erase and returns what the room deleted, retrying through a 503", async () => {
    const room = await rooms([{ status: 503, body: "{}" }, erased(7)]);
    const client = createRoomAdminClient({ baseUrl: room.url, secret: SECRET });
    expect(await client.eraseRoom("sess/a", { reason: "retention" })).toEqual({ keysDeleted: 7, keysRemaining: 0 });
    expect(room.seen.map((s) => [s.path, s.signed, JSON.parse(s.body)])).toEqual([
      [ROOM_ADMIN_PATHS.erase("sess/a"), true, { reason: "retention" }],
      [ROOM_ADMIN_PATHS.erase("sess/a"), true, { reason: "retention" }],
    ]);
  });

  it("throws when the room refuses, breaks the contract, or still holds keys — the erasure stays pending", async () => {
    const refused = await rooms([{ status: 401, body: '{"error":"bad signature"}' }]);
    await expect(createRoomAdminClient({ baseUrl: refused.url, secret: SECRET }).eraseRoom("sess_a", { reason: "candidate_erased" })).rejects.toThrow();
    const garbled = await rooms([{ status: 200, body: '{"keysDeleted":"all"}' }]);
    await expect(createRoomAdminClient({ baseUrl: garbled.url, secret: SECRET }).eraseRoom("sess_a", { reason: "candidate_erased" })).rejects.toThrow();
    const leftovers = await rooms([erased(3, 2)]);
    await expect(createRoomAdminClient({ baseUrl: leftovers.url, secret: SECRET }).eraseRoom("sess_a", { reason: "candidate_erased" })).rejects.toThrow(/still holds 2 storage key/);
  });
});
