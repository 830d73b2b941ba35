import { describe, expect, it } from "vitest";
import { readRoomEnv, RoomEnvError } from "./env.ts";

const secret = "r".repeat(40);

describe("the room's environment", () => {
  it("lists every missing or invalid variable at once", () => {
    let error: unknown;
    try {
      readRoomEnv({ ROOM_TOKEN_SECRET: "short", SANDBOX_URL: "", WEB_INTERNAL_URL: "not a url" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RoomEnvError);
    const message = (error as Error).message;
    expect(message).toMatch(/^The room's environment is not valid:/);
    expect(message).toMatch(/WEB_INTERNAL_URL: /);
    expect(message).toMatch(/ROOM_TOKEN_SECRET: must be at least 32 characters/);
    expect(message).toMatch(/SANDBOX_URL: is required/);
    expect(message).toMatch(/SANDBOX_SERVICE_SECRET: is required/);
    expect(message).toMatch(/partykit config.s vars/);
  });

  it("reads the room's variables, dropping trailing slashes from URLs", () => {
    expect(readRoomEnv({ ROOM_TOKEN_SECRET: secret, SANDBOX_URL: "http://127.0.0.1:4100/", SANDBOX_SERVICE_SECRET: secret, WEB_INTERNAL_URL: "http://127.0.0.1:3000/" })).toEqual({
      ROOM_TOKEN_SECRET: secret,
      SANDBOX_URL: "http://127.0.0.1:4100",
      SANDBOX_SERVICE_SECRET: secret,
      WEB_INTERNAL_URL: "http://127.0.0.1:3000",
      ai: expect.objectContaining({ enabled: false }),
    });
  });

  it("switches the agent on with an Anthropic key (empty strings count as unset)", () => {
    const base = { ROOM_TOKEN_SECRET: secret, SANDBOX_URL: "http://127.0.0.1:4100", SANDBOX_SERVICE_SECRET: secret, WEB_INTERNAL_URL: "http://127.0.0.1:3000" };
    expect(readRoomEnv({ ...base, ANTHROPIC_API_KEY: "" }).ai.enabled).toBe(false);
    expect(readRoomEnv({ ...base, ANTHROPIC_API_KEY: "sk-test", ANTHROPIC_BASE_URL: "http://127.0.0.1:9" }).ai).toMatchObject({ enabled: true, baseURL: "http://127.0.0.1:9" });
    expect(() => readRoomEnv({ ...base, ANTHROPIC_BASE_URL: "ftp://x" })).toThrow(/ANTHROPIC_BASE_URL/);
  });
});
