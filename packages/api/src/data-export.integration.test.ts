// Candidate data export through the router, the way the pages drive it: owners and admins
// export (members and viewers are refused), the audit log shows it in words; the candidate
// follows the "Your data" link of their invitation (and of the reminder: the same link), asks,
// gets the download link by email and downloads their own archive.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, sessionCookieFrom, type Harness, type TestUser } from "./testing/index.ts";

let h: Harness;
let owner: TestUser;
const roles: Partial<Record<"ADMIN" | "MEMBER" | "VIEWER", TestUser>> = {};
let candidateId = "";
const as = (user: TestUser) => h.caller({ cookie: user.cookie });
const CANDIDATE = "cleo@candidates.test";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error.code;
}

async function inviteAndJoin(email: string, role: "ADMIN" | "MEMBER" | "VIEWER"): Promise<TestUser> {
  await (await as(owner)).members.invite({ email, role });
  const link = await h.linkFromLatestEmail(email, "/invitations/");
  const api = await h.caller();
  const result = await api.auth.signUp({ name: `${role.toLowerCase()} person`, email, password: "a long enough password", invitationToken: decodeURIComponent(link.split("/invitations/")[1]!) });
  return { cookie: sessionCookieFrom(api.responseHeaders)!, userId: result.userId, organizationId: result.organizationId!, email, password: "a long enough password" };
}

/** The token of the newest `/your-data/<token>` link mailed to the candidate (the request link, not a download link). */
async function requestToken(): Promise<string> {
  return decodeURIComponent((await h.linkFromLatestEmail(CANDIDATE, "/your-data/t1.")).split("/your-data/")[1]!);
}

beforeAll(async () => {
  h = await createHarness();
  owner = await h.signUpVerified({ name: "Olivia Owner", email: "owner@export.test", organizationName: "Acme" });
  for (const role of ["ADMIN", "MEMBER", "VIEWER"] as const) roles[role] = await inviteAndJoin(`${role.toLowerCase()}@export.test`, role);
  const api = await as(owner);
  const { id: assessmentId } = await api.assessments.createFromTemplate({ templateKey: "backend-python-mid" });
  candidateId = (await api.candidates.invite({ assessmentId, name: "Cleo Candidate", email: CANDIDATE })).id;
});
afterAll(() => h.close());

describe("dataExport.candidate", () => {
  it("is for owners and admins; members and viewers get FORBIDDEN", async () => {
    expect((await (await as(owner)).dataExport.candidate({ candidateId })).candidate.id).toBe(candidateId);
    expect((await (await as(roles.ADMIN!)).dataExport.candidate({ candidateId })).audience).toBe("organization");
    expect(await codeOf((await as(roles.MEMBER!)).dataExport.candidate({ candidateId }))).toBe("FORBIDDEN");
    expect(await codeOf((await as(roles.VIEWER!)).dataExport.candidate({ candidateId }))).toBe("FORBIDDEN");
  });

  it("says which candidate is unknown, and refuses a blank id before any work", async () => {
    expect(await codeOf((await as(owner)).dataExport.candidate({ candidateId: "no-such-candidate" }))).toBe("NOT_FOUND");
    expect(await codeOf((await as(owner)).dataExport.candidate({ candidateId: " " }))).toBe("BAD_REQUEST");
  });

  it("shows in the audit log as an export by the member", async () => {
    const { items } = await (await as(owner)).audit.list({ category: "candidate" });
    const exported = items.filter((item) => item.action === "candidate.exported");
    expect(exported.length).toBeGreaterThanOrEqual(2);
    expect(exported[0]).toMatchObject({ label: "Exported a candidate's data", actor: { email: "admin@export.test" } });
  });
});

describe("the candidate's own request", () => {
  it("starts from the invitation's and the reminder's 'Your data' link, which is the same link", async () => {
    const fromInvitation = await requestToken();
    await (await as(owner)).candidates.remind({ candidateId });
    expect(await requestToken()).toBe(fromInvitation);
  });

  it("mails a download link to the invited address, and the archive it gives is the candidate's own", async () => {
    const api = await h.caller({ ipAddress: "192.0.2.44" });
    const token = await requestToken();
    expect(await api.dataExport.requestView({ token })).toEqual({ organizationName: "Acme", candidateName: "Cleo Candidate", maskedEmail: "c•••@candidates.test" });
    expect(await api.dataExport.request({ token })).toEqual({ sentTo: "c•••@candidates.test", expiresInHours: 24 });

    const download = decodeURIComponent((await h.linkFromLatestEmail(CANDIDATE, "/your-data/download/")).split("/your-data/download/")[1]!);
    expect(await api.dataExport.downloadView({ token: download })).toEqual({ organizationName: "Acme", candidateName: "Cleo Candidate" });
    const data = await api.dataExport.download({ token: download });
    expect([data.audience, data.candidate.id, data.session]).toEqual(["candidate", candidateId, null]);
    expect(data.withheld.length).toBeGreaterThan(0);

    const { items } = await (await as(owner)).audit.list({ category: "candidate" });
    const byCandidate = items.filter((item) => item.actor === null).map((item) => item.action);
    expect(byCandidate).toEqual(expect.arrayContaining(["candidate.export_requested", "candidate.exported"]));
  });

  it("refuses a made-up link as not found", async () => {
    const api = await h.caller();
    expect(await codeOf(api.dataExport.requestView({ token: "t1.forged.link" }))).toBe("NOT_FOUND");
    expect(await codeOf(api.dataExport.download({ token: "t1.forged.link" }))).toBe("NOT_FOUND");
  });
});
