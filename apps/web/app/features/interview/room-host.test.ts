import { signRoomToken } from "@interviewlm/realtime";
import { describe, expect, it } from "vitest";
import { languageForPath } from "./editor-languages";
import { roomEndpoint, roomTokenExpiresAt } from "./room-host";

describe("roomEndpoint", () => {
  it("takes ws or wss from the URL's scheme instead of guessing from the host", () => {
    expect(roomEndpoint("http://127.0.0.1:1999")).toEqual({ host: "127.0.0.1:1999", protocol: "ws" });
    expect(roomEndpoint("https://rooms.example.com/")).toEqual({ host: "rooms.example.com", protocol: "wss" });
    expect(roomEndpoint("http://rooms.internal:1999")).toEqual({ host: "rooms.internal:1999", protocol: "ws" });
    expect(roomEndpoint("rooms.example.com")).toEqual({ host: "rooms.example.com", protocol: undefined });
  });
});

describe("roomTokenExpiresAt", () => {
  it("reads the expiry from a real room token", async () => {
    const token = await signRoomToken("secret", { sid: "s", role: "candidate", uid: "u", name: "Ada" }, { now: 1_000_000_000, ttlSeconds: 600 });
    expect(roomTokenExpiresAt(token)).toBe((1_000_000 + 600) * 1000);
  });

  it("gives null for anything else", () => {
    expect(roomTokenExpiresAt("garbage")).toBeNull();
    expect(roomTokenExpiresAt("r1.!!!.sig")).toBeNull();
  });
});

describe("languageForPath", () => {
  it.each([
    ["main.py", "python"],
    ["src/cache.ts", "typescript"],
    ["cache/lru_test.go", "go"],
    ["go.mod", "text"],
    ["src/BracketsTest.java", "java"],
    ["test/cart_test.rb", "ruby"],
    ["intervals_test.cpp", "cpp"],
    ["include/intervals.hpp", "cpp"],
    ["tests/brackets.rs", "rust"],
    ["Cargo.toml", "text"],
    ["App.tsx", "tsx"],
    ["index.MJS", "javascript"],
    ["package.json", "json"],
    ["README.md", "markdown"],
    ["Makefile", "text"],
    [".gitignore", "text"],
  ])("%s is %s", (path, language) => {
    expect(languageForPath(path)).toBe(language);
  });
});
