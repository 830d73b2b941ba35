import { createHmac } from "node:crypto";
import { advanceCandidateStatus, signInviteToken } from "@interviewlm/core/candidates";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type TestUser } from "./testing/index.ts";

let h: Harness;
let owner: TestUser;
let assessmentId: string;
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  h = await createHarness();
  owner = await h.signUpVerified({ name: "Olivia Owner", email: "owner@acme.test", organizationName: "Acme Hiring" });
  const assessment = await h.db.prisma.assessment.create({
    data: {
      organizationId: owner.organizationId,
      title: "Full-stack TypeScript",
      role: "Product engineer",
      seniority: "SENIOR",
      languages: ["typescript", "python"],
      durationMinutes: 60,
      questionCount: 3,
      questionSelection: "AUTO",
      aiAssistance: "CHAT",
      testVisibility: "RESULTS_ONLY",
      instructions: "Talk to the assistant as you would to a colleague.",
    },
    select: { id: true },
  });
  assessmentId = assessment.id;
});
afterAll(() => h.close());

/** Invites `email` and returns the token from the emailed link (as the candidate would). */
async function invite(email: string, expiresInDays = 7): Promise<{ id: string; token: string }> {
  const api = await h.caller({ cookie: owner.cookie });
  const candidate = await api.candidates.invite({ assessmentId, name: `Candidate ${email.split("@")[0]}`, email, expiresInDays });
  const link = await h.linkFromLatestEmail(email, "/i/");
  return { id: candidate.id, token: link.split("/i/")[1]! };
}

/** The portal as a visitor with no cookie at all. */
async function view(token: string) {
  return (await h.caller({ cookie: null })).portal.view({ token });
}

async function refusal(token: string): Promise<{ code: string; message: string }> {
  const error = await view(token).then(() => null, (e: unknown) => e);
  if (!(error instanceof TRPCError)) throw new Error(`expected the link to be refused, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

describe("the candidate portal", () => {
  it("shows the company, assessment, duration, questions, languages, AI level, tests and what is recorded — without an account", async () => {
    const { token } = await invite("ana@example.com");
    const portal = await view(token);
    expect(portal.candidate.name).toBe("Candidate ana");
    expect(portal.preview).toMatchObject({
      organizationName: "Acme Hiring",
      title: "Full-stack TypeScript",
      role: "Senior · Product engineer",
      durationMinutes: 60,
      questionCount: 3,
      languages: [{ value: "typescript", label: "TypeScript" }, { value: "python", label: "Python" }],
      aiAssistance: { level: "CHAT", label: "Chat only" },
      testVisibility: { level: "RESULTS_ONLY" },
      instructions: "Talk to the assistant as you would to a colleague.",
    });
    expect(portal.preview.aiAssistance.explanation).toMatch(/can read your files but not change them/);
    expect(portal.preview.recorded.join(" ")).toMatch(/code and files.*terminal.*test run.*AI assistant.*paste/is);
    expect(portal).toMatchObject({ canStart: true, canResume: false });
    expect(JSON.stringify(portal)).not.toMatch(/inviteNonce|email/);
  });

  it("marks the candidate OPENED on the first visit only", async () => {
    const { id, token } = await invite("oscar@example.com");
    const first = await view(token);
    expect(first.candidate.status).toBe("OPENED");
    const openedAt = (await h.db.prisma.candidate.findUniqueOrThrow({ where: { id } })).openedAt;
    expect(openedAt).toBeInstanceOf(Date);
    // A later visit (the clock moved on, no sleeping) keeps the first visit's time.
    h.setNow(new Date(Date.now() + 60_000));
    try {
      expect((await view(token)).candidate.status).toBe("OPENED");
    } finally {
      h.setNow(null);
    }
    expect((await h.db.prisma.candidate.findUniqueOrThrow({ where: { id } })).openedAt).toEqual(openedAt);
  });

  it("offers to resume a started interview, even after the invitation's expiry", async () => {
    const { id, token } = await invite("sam@example.com", 1);
    await advanceCandidateStatus(h.db.prisma, { candidateId: id, to: "STARTED", now: new Date() });
    h.setNow(new Date(Date.now() + 2 * DAY));
    try {
      expect(await view(token)).toMatchObject({ canStart: false, canResume: true, candidate: { status: "STARTED" } });
    } finally {
      h.setNow(null);
    }
  });

  it("tells a candidate who already finished", async () => {
    const { id, token } = await invite("cleo@example.com");
    const now = new Date();
    await advanceCandidateStatus(h.db.prisma, { candidateId: id, to: "STARTED", now });
    await advanceCandidateStatus(h.db.prisma, { candidateId: id, to: "COMPLETED", now });
    expect(await refusal(token)).toEqual({ code: "PRECONDITION_FAILED", message: "You have already completed this assessment. Thank you!" });
  });
});

describe("links emailed before the shared token format", () => {
  it("still open the portal (signed the old way: <payload>.<mac>)", async () => {
    const { id } = await invite("olde@example.com");
    const row = await h.db.prisma.candidate.findUniqueOrThrow({ where: { id }, select: { inviteNonce: true, expiresAt: true } });
    const payload = Buffer.from(JSON.stringify({ c: id, n: row.inviteNonce, e: Math.floor(row.expiresAt.getTime() / 1000) })).toString("base64url");
    const legacy = `${payload}.${createHmac("sha256", h.deps.appSecret).update(`interviewlm.candidate-invite.v1.${payload}`).digest("base64url")}`;
    const view = await (await h.caller({ cookie: null })).portal.view({ token: legacy });
    expect(view).toBeTruthy();
    expect(JSON.stringify(view)).toContain("Full-stack TypeScript");
  });
});

describe("links that cannot be used", () => {
  it("refuses a tampered token as not valid", async () => {
    const { token } = await invite("tess@example.com");
    const [version, payload, signature] = token.split(".") as [string, string, string];
    const envelope = JSON.parse(Buffer.from(payload, "base64url").toString()) as { exp: number };
    const extended = Buffer.from(JSON.stringify({ ...envelope, exp: envelope.exp + 365 * 86400 })).toString("base64url");
    for (const bad of [`${version}.${extended}.${signature}`, `${version}.${payload}.${signature.slice(0, -2)}xx`, "not-a-token", `${token}x`]) {
      const refused = await refusal(bad);
      expect(refused.code).toBe("NOT_FOUND");
      expect(refused.message).toMatch(/^This link is not valid/);
    }
  });

  it("refuses a well-signed token for a candidate that does not exist", async () => {
    const forged = await signInviteToken(h.deps.appSecret, { candidateId: "nope", nonce: "n", expiresAt: new Date(Date.now() + DAY) });
    expect((await refusal(forged)).code).toBe("NOT_FOUND");
  });

  it("refuses an expired link (by its time, before the expiry job has run)", async () => {
    const { token } = await invite("ezra@example.com", 3);
    h.setNow(new Date(Date.now() + 3 * DAY + 1000));
    try {
      expect(await refusal(token)).toEqual({
        code: "PRECONDITION_FAILED",
        message: "This invitation has expired. Ask the company that invited you to send a new one.",
      });
    } finally {
      h.setNow(null);
    }
  });

  it("refuses a revoked link and a superseded one with their own messages", async () => {
    const api = await h.caller({ cookie: owner.cookie });
    const rev = await invite("rory@example.com");
    await api.candidates.revoke({ candidateId: rev.id });
    expect((await refusal(rev.token)).message).toBe("This invitation was withdrawn by the company that sent it.");

    const old = await invite("sue@example.com");
    await api.candidates.resend({ candidateId: old.id });
    expect((await refusal(old.token)).message).toBe("A newer invitation was sent; use the latest email.");
  });

  it("does not mark a refused link as opened", async () => {
    const { id, token } = await invite("ned@example.com");
    await (await h.caller({ cookie: owner.cookie })).candidates.revoke({ candidateId: id });
    await refusal(token);
    expect((await h.db.prisma.candidate.findUniqueOrThrow({ where: { id } })).openedAt).toBeNull();
  });
});
