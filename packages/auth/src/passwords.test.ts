import { describe, expect, it } from "vitest";
import { EmailSchema, NameSchema, PasswordSchema, hashPassword, passwordNeedsRehash, verifyPassword } from "./passwords.ts";

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message;

describe("password hashing", () => {
  it("produces an argon2id PHC string with the OWASP parameters and a random salt", async () => {
    const a = await hashPassword("correct horse battery staple");
    const b = await hashPassword("correct horse battery staple");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b);
    expect(passwordNeedsRehash(a)).toBe(false);
  });

  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hash, "Correct horse battery staple")).toBe(false);
  });

  it("treats a malformed stored hash as a mismatch", async () => {
    expect(await verifyPassword("not-a-hash", "whatever")).toBe(false);
    expect(passwordNeedsRehash("not-a-hash")).toBe(true);
  });

  it("flags hashes made with weaker parameters for rehashing", async () => {
    const { hash } = await import("@node-rs/argon2");
    expect(passwordNeedsRehash(await hash("pw", { memoryCost: 4096, timeCost: 3, parallelism: 1 }))).toBe(true);
  });
});

describe("PasswordSchema", () => {
  it("asks for at least 10 and at most 128 characters", () => {
    expect(firstMessage(PasswordSchema.safeParse("short"))).toBe("Use at least 10 characters");
    expect(firstMessage(PasswordSchema.safeParse("x".repeat(129)))).toBe("Use at most 128 characters");
    expect(PasswordSchema.safeParse("ten chars!").success).toBe(true);
  });

  it("does not trim or alter the password", () => {
    expect(PasswordSchema.parse("  spaced out  ")).toBe("  spaced out  ");
  });
});

describe("EmailSchema", () => {
  it("trims and lower-cases", () => {
    expect(EmailSchema.parse("  Ada.Lovelace@Example.COM ")).toBe("ada.lovelace@example.com");
  });

  it("explains what is wrong", () => {
    expect(firstMessage(EmailSchema.safeParse("not-an-email"))).toBe("Enter a valid email address, like name@example.com");
    expect(firstMessage(EmailSchema.safeParse("   "))).toBe("Enter your email address");
    expect(firstMessage(EmailSchema.safeParse(undefined))).toBe("Enter your email address");
    expect(firstMessage(EmailSchema.safeParse(`${"a".repeat(250)}@example.com`))).toBe("Email addresses are at most 254 characters");
  });
});

describe("NameSchema", () => {
  it("trims and accepts 1–100 characters", () => {
    expect(NameSchema.parse("  Ada Lovelace ")).toBe("Ada Lovelace");
    expect(firstMessage(NameSchema.safeParse("   "))).toBe("Enter your name");
    expect(firstMessage(NameSchema.safeParse("x".repeat(101)))).toBe("Use at most 100 characters");
  });
});
