// The smoke journey on a production host exactly as docs/deploy.md starts it — `npm start`
// after the build: sandbox, web and rooms in production mode, mail through Resend's wire
// protocol (a local server; the dev mailbox is off), PostgreSQL in the database pass. Sign up →
// assessment → invite → the candidate starts → her code runs → a reviewer watches → she
// finishes. Then, in PostgreSQL, the operator's SIGTERM in the middle of an interview with
// email in flight: the host stops cleanly, and once it is back every event the candidate's
// editor produced is recorded exactly once and every queued email is sent exactly once.
import { decodeRecordingEvent, type RecordingEvent, type StoredRecordingEvent } from "@interviewlm/realtime";
import { startResendTestServer, type ResendTestServer } from "@interviewlm/emails/testing";
import pg from "pg";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import YProvider from "y-partykit/provider";
import * as Y from "yjs";
import { E2E_SECRETS } from "./support/app-server.ts";
import { launchBrowser } from "./support/browser.ts";
import { resendInbox, type Inbox } from "./support/mailbox.ts";
import { inviteCandidate, signUpVerified, startInterview } from "./support/people.ts";
import { startProductionHost, type ProductionHost } from "./support/production-host.ts";
import { questionByTitle } from "./support/question-bank.ts";
import { editorText, openFile, terminalText, testsPanel, typeInTerminal, watchInterview } from "./support/room-pages.ts";

const postgres = Boolean(process.env.TEST_DATABASE_URL);

let resend: ResendTestServer;
let host: ProductionHost;
let browser: Browser;
let inbox: Inbox;
let owner: BrowserContext;

/** One scrape of the web app's /metrics: the value of each series named. */
async function scrape(...series: string[]): Promise<Record<string, number | null>> {
  const text = await (await fetch(`${host.webUrl}/metrics`, { headers: { authorization: `Bearer ${E2E_SECRETS.METRICS_TOKEN}` } })).text();
  const value = (name: string) => text.split("\n").find((line) => line.startsWith(`${name} `))?.slice(name.length + 1);
  return Object.fromEntries(series.map((name) => [name, value(name) === undefined ? null : Number(value(name))]));
}
const CONNECTIONS = ['interviewlm_room_connections{role="candidate"}', 'interviewlm_room_connections{role="reviewer"}'];

async function replaceEditorText(page: Page, text: string) {
  await page.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}

// The database pass only (CI boots the production host against the real PostgreSQL): on PGlite
// the same journey runs on the development stack (live-room.e2e) and npm-start.e2e boots the
// production host, so booting it again here would add minutes and check nothing new.
describe.runIf(postgres)("a production host started by npm start", () => {
  beforeAll(async () => {
    resend = await startResendTestServer();
    inbox = resendInbox(resend);
    [host, browser] = await Promise.all([startProductionHost({ RESEND_API_KEY: resend.apiKey, RESEND_BASE_URL: resend.url }), launchBrowser()]);
    owner = await signUpVerified(browser, host.webUrl, { name: "Petra Prod", email: "petra@prod.test", organization: "Prod Co" }, inbox);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await host?.dispose();
    await resend?.close();
  });
  afterEach((context) => {
    if (context.task.result?.state === "fail" && host) console.error(`\n--- npm start output (last 12000 characters) ---\n${host.output().slice(-12_000)}`);
  });

  it("carries the journey: sign up, assessment, invite, the candidate starts, code runs, a reviewer watches, she finishes", async () => {
    expect((await fetch(`${host.webUrl}/dev/mailbox`)).status).toBe(404);
    const recruiter = await owner.newPage();
    const { link } = await inviteCandidate(recruiter, host.webUrl, { name: "Pia Production", email: "pia@cand.test", template: /Backend Python/ }, inbox);
    const pia = await startInterview(await browser.newContext(), link);

    const question = questionByTitle((await pia.locator("#question-title").innerText()).trim());
    const mainFile = question.solution.find((f) => !/test/.test(f.path))!;
    const mainName = mainFile.path.split("/").pop()!;
    await pia.getByRole("tree", { name: "Files" }).getByRole("treeitem", { name: mainName, exact: true }).waitFor();
    const reviewer = await watchInterview(owner, host.webUrl, "Pia Production");
    await reviewer.getByRole("group", { name: "People in this session" }).getByRole("img", { name: /Pia Production/ }).waitFor();
    // The operator sees the two of them in the room (recorded presence, behind by the ingest lag).
    await expect.poll(() => scrape(...CONNECTIONS), { timeout: 30_000 }).toEqual({ [CONNECTIONS[0]!]: 1, [CONNECTIONS[1]!]: 1 });

    // Code runs in the sandbox: the starter fails its tests, the reference solution passes,
    // a terminal command answers — and the reviewer sees each result.
    await openFile(pia, mainName);
    await testsPanel(pia).getByRole("button", { name: /Run tests/ }).click();
    await testsPanel(pia).getByText("Some tests failed").first().waitFor({ timeout: 90_000 });
    await testsPanel(reviewer).getByText("Some tests failed").first().waitFor({ timeout: 30_000 });
    await replaceEditorText(pia, mainFile.content);
    const solutionLine = mainFile.content.split("\n").find((line) => line.trim().length > 20)!.trim();
    await openFile(reviewer, mainName);
    await expect.poll(() => editorText(reviewer), { timeout: 20_000 }).toContain(solutionLine);
    await testsPanel(pia).getByRole("button", { name: /Run tests/ }).click();
    await testsPanel(pia).getByText("All tests passed").first().waitFor({ timeout: 90_000 });
    await testsPanel(reviewer).getByText("All tests passed").first().waitFor({ timeout: 30_000 });
    await typeInTerminal(pia, "echo prod-$((40+2))");
    for (const page of [pia, reviewer]) await expect.poll(() => terminalText(page), { timeout: 30_000 }).toContain("prod-42");

    // …and the sandbox service counted both test runs.
    expect((await scrape('interviewlm_sandbox_runs{kind="tests"}'))['interviewlm_sandbox_runs{kind="tests"}']).toBeGreaterThanOrEqual(2);

    // She finishes; her interview is then the recruiter's to replay.
    await pia.getByRole("button", { name: "Finish", exact: true }).click();
    await pia.getByRole("button", { name: "Finish interview" }).click();
    await pia.getByRole("heading", { level: 1 }).filter({ hasText: /thank/i }).waitFor({ timeout: 60_000 });
    await recruiter.goto(`${host.webUrl}/app/candidates`);
    await recruiter.getByRole("link", { name: "Pia Production" }).first().click();
    await recruiter.getByRole("link", { name: /Replay the interview/ }).click();
    await recruiter.getByRole("heading", { level: 1, name: "Replay: Pia Production" }).waitFor();
    await recruiter.getByRole("region", { name: "Timeline" }).waitFor();
    // A finished interview has no one in its room, whoever still has the page open.
    await expect.poll(() => scrape(...CONNECTIONS), { timeout: 30_000 }).toEqual({ [CONNECTIONS[0]!]: 0, [CONNECTIONS[1]!]: 0 });

    // Every message went out through Resend (sign-up verification, the invitation), none twice.
    expect(resend.emails.map((email) => email.to).flat()).toEqual(expect.arrayContaining(["petra@prod.test", "pia@cand.test"]));
    expect(new Set(resend.emails.map((email) => email.idempotencyKey)).size).toBe(resend.emails.length);
  }, 300_000);

  it("loses no recorded event and no queued email to a SIGTERM in the middle of an interview (PostgreSQL)", async () => {
    const recruiter = await owner.newPage();
    const { link } = await inviteCandidate(recruiter, host.webUrl, { name: "Sam Sigterm", email: "sam@cand.test", template: /Backend Python/ }, inbox);
    const token = decodeURIComponent(link.split("/i/")[1]!);
    const trpc = async <T,>(path: string, input: unknown): Promise<T> => {
      const response = await fetch(`${host.webUrl}/api/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: host.webUrl },
        body: JSON.stringify({ json: input }),
      });
      const body = (await response.json()) as { result?: { data: { json: T } }; error?: unknown };
      if (!body.result) throw new Error(`${path} failed: ${JSON.stringify(body.error)}`);
      return body.result.data.json;
    };
    await trpc("interview.start", { token, language: "python" });
    const room = await trpc<{ sessionId: string; roomToken: string; roomHost: string }>("interview.room", { token });

    // The candidate's editor as a Yjs client of the room, typing fast whatever happens around it.
    const doc = new Y.Doc();
    const provider = new YProvider(room.roomHost.replace(/^http/, "ws"), room.sessionId, doc, {
      party: "main",
      params: { token: room.roomToken, channel: "yjs" },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    const db = new pg.Client({ connectionString: host.databaseUrl! });
    let typist: ReturnType<typeof setInterval> | undefined;
    try {
      await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once("synced", () => resolve())));
      const files = doc.getMap<Y.Text>("files");
      await expect.poll(() => files.size, { timeout: 30_000 }).toBeGreaterThan(0);
      const path = [...files.keys()].find((p) => !/test/.test(p)) ?? [...files.keys()][0]!;
      const text = files.get(path)!;
      let typed = 0;
      typist = setInterval(() => text.insert(text.length, `s${typed++ % 10}`), 20);
      const typedMore = async (count: number) => {
        const target = typed + count;
        await expect.poll(() => typed, { timeout: 15_000 }).toBeGreaterThanOrEqual(target);
      };

      await db.connect();
      const recorded = async () => {
        const { rows } = await db.query<StoredRecordingEvent>(`SELECT seq, at, type, actor, payload FROM "RecordingEvent" WHERE "sessionId" = $1 ORDER BY seq`, [room.sessionId]);
        return rows.map(decodeRecordingEvent);
      };
      const replayedText = (events: RecordingEvent[]) => {
        const replay = new Y.Doc();
        for (const event of events) if (event.type === "yjs.update") Y.applyUpdate(replay, Buffer.from(String(event.payload.update), "base64"));
        return replay.getMap<Y.Text>("files").get(path)?.toString() ?? "";
      };
      const emailStatuses = async (to: string[]) => {
        const { rows } = await db.query<{ id: string; status: string }>(`SELECT id, status FROM "EmailMessage" WHERE "toAddress" = ANY($1)`, [to]);
        return rows;
      };
      await expect.poll(async () => (await recorded()).length, { timeout: 30_000 }).toBeGreaterThan(0);

      // Two emails queued, the first being sent and Resend's answer held: SIGTERM now.
      const release = resend.holdAnswers();
      const sentBefore = resend.requests.length;
      const teammates = ["tara@prod.test", "theo@prod.test"];
      const members = await owner.newPage();
      await members.goto(`${host.webUrl}/app/settings/members`);
      for (const email of teammates) {
        await members.getByLabel("Email").fill(email);
        await members.getByLabel("Role", { exact: true }).selectOption("VIEWER");
        await members.getByRole("button", { name: "Send invitation" }).click();
        await members.getByRole("status").filter({ hasText: `Invitation sent to ${email}` }).waitFor();
      }
      await members.close();
      await expect.poll(() => resend.requests.length, { timeout: 60_000 }).toBeGreaterThan(sentBefore);
      await typedMore(50);
      const stopped = host.stop();
      // The rooms stop first; once the web app is draining, Resend answers the batch in flight.
      await expect.poll(() => host.output().includes('"event":"web.stopping"'), { timeout: 60_000 }).toBe(true);
      release();
      expect(await stopped).toBe(0);

      // Stopped: nothing left claimed mid-send; what Resend accepted is recorded as sent; the
      // recording so far has no gap.
      const afterStop = await emailStatuses(teammates);
      expect(afterStop.map((row) => row.status).sort()).not.toContain("SENDING");
      expect(afterStop.every((row) => row.status === "SENT" || row.status === "QUEUED")).toBe(true);
      for (const email of resend.emails.filter((e) => teammates.some((t) => e.to.includes(t)))) {
        expect(afterStop.find((row) => row.id === email.idempotencyKey)?.status).toBe("SENT");
      }
      const beforeRestart = await recorded();
      expect(beforeRestart.map((e) => e.seq)).toEqual(beforeRestart.map((_, i) => i + 1));

      // Back up: the candidate's editor reconnects on its own; the rest of the queue goes out.
      await typedMore(50);
      await host.start();
      await expect.poll(() => provider.wsconnected && provider.synced, { timeout: 60_000 }).toBe(true);
      await typedMore(50);
      clearInterval(typist);
      const finalText = text.toString();

      await expect.poll(async () => replayedText(await recorded()), { timeout: 90_000, interval: 1000 }).toBe(finalText);
      const events = await recorded();
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      await expect.poll(async () => (await emailStatuses(teammates)).filter((row) => row.status === "SENT").length, { timeout: 60_000 }).toBe(2);
      const teammateMail = resend.emails.filter((e) => teammates.some((t) => e.to.includes(t)));
      expect(teammateMail.length).toBe(2);
      expect(new Set(resend.emails.map((e) => e.idempotencyKey)).size).toBe(resend.emails.length);
    } finally {
      clearInterval(typist);
      provider.destroy();
      await db.end().catch(() => undefined);
    }
  }, 420_000);
});
