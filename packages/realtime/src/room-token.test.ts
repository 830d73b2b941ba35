import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signInternalRequest, verifyInternalRequest } from "./internal-auth.ts";
import { RoomTokenError, signRoomToken, verifyRoomToken } from "./room-token.ts";

const secret = "room-secret-0123456789abcdefghijklmnopqrstuvwxyz";
const claims = { sid: "sess_1", role: "candidate" as const, uid: "cand_1", name: "Ada" };

async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  return error instanceof RoomTokenError ? error.problem : error;
}

describe("room tokens", () => {
  it("verify with the previous secret during a rotation, and refuse a retired one", async () => {
    const previous = "previous-room-secret-0123456789abcdefghijklmn";
    const token = await signRoomToken(previous, claims);
    expect(await verifyRoomToken({ current: secret, previous: [previous] }, token, { roomId: "sess_1" })).toMatchObject(claims);
    expect(await problemOf(verifyRoomToken(secret, token))).toBe("bad_signature");
  });

  it("still verify an r1 token minted before the shared format (they live ten minutes)", async () => {
    const now = Math.floor(Date.now() / 1000);
    const payload = Buffer.from(JSON.stringify({ ...claims, perms: [], iat: now, exp: now + 600 })).toString("base64url");
    const legacy = `r1.${payload}.${createHmac("sha256", secret).update(`r1.${payload}`).digest("base64url")}`;
    expect(await verifyRoomToken(secret, legacy, { roomId: "sess_1" })).toMatchObject(claims);
    expect(await problemOf(verifyRoomToken("another-secret-0123456789abcdefghijklmn", legacy))).toBe("bad_signature");
  });

  it("round-trips the claims for the right room", async () => {
    const token = await signRoomToken(secret, claims);
    expect(await verifyRoomToken(secret, token, { roomId: "sess_1" })).toMatchObject(claims);
  });

  it("refuses another room, another secret, a tampered payload and an expired token", async () => {
    const token = await signRoomToken(secret, claims, { now: 1_000_000_000_000 });
    expect(await problemOf(verifyRoomToken(secret, token, { roomId: "sess_2", now: 1_000_000_000_000 }))).toBe("wrong_room");
    expect(await problemOf(verifyRoomToken("another-secret-0123456789abcdefghijklmn", token, { now: 1_000_000_000_000 }))).toBe("bad_signature");
    const [v, payload, sig] = token.split(".");
    const envelope = JSON.parse(Buffer.from(payload!, "base64url").toString()) as { c: object };
    const forged = Buffer.from(JSON.stringify({ ...envelope, c: { ...envelope.c, role: "reviewer" }, exp: 9_999_999_999 })).toString("base64url");
    expect(await problemOf(verifyRoomToken(secret, `${v}.${forged}.${sig}`))).toBe("bad_signature");
    expect(await problemOf(verifyRoomToken(secret, `${v}.${payload}`))).toBe("malformed");
    expect(await problemOf(verifyRoomToken(secret, token, { now: 1_000_000_000_000 + 3600_000 }))).toBe("expired");
  });
});

describe("internal request signatures", () => {
  it("accepts the signed request and refuses a changed body, path or an old timestamp", async () => {
    const request = { method: "POST", path: "/internal/recordings", body: '{"a":1}' };
    const headers = new Headers(await signInternalRequest(secret, request, 1_000_000_000_000));
    expect(await verifyInternalRequest(secret, { ...request, headers }, 1_000_000_000_000)).toEqual({ ok: true });
    expect((await verifyInternalRequest(secret, { ...request, body: '{"a":2}', headers }, 1_000_000_000_000)).ok).toBe(false);
    expect((await verifyInternalRequest(secret, { ...request, path: "/internal/other", headers }, 1_000_000_000_000)).ok).toBe(false);
    expect((await verifyInternalRequest(secret, { ...request, headers }, 1_000_000_000_000 + 600_000)).ok).toBe(false);
  });

  it("accepts a request signed with the previous secret during a rotation, and not once it is retired", async () => {
    const previous = "previous-room-secret-0123456789abcdefghijklmn";
    const request = { method: "GET", path: "/internal/rooms/s1", body: "" };
    const headers = new Headers(await signInternalRequest(previous, request, 1_000_000_000_000));
    expect(await verifyInternalRequest({ current: secret, previous: [previous] }, { ...request, headers }, 1_000_000_000_000)).toEqual({ ok: true });
    expect((await verifyInternalRequest(secret, { ...request, headers }, 1_000_000_000_000)).ok).toBe(false);
  });
});
