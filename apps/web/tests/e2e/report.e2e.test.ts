// The evaluation report in Chromium against the whole product: a candidate runs the tests and
// finishes; the owner opens the report from the candidate's page, the evaluation appears (the
// measured part; without a key the rubric says it needs one) and passes axe, a re-run queues it
// again, a test run's link opens the replay at that moment; the recommendation says it rests on the
// measured part only, a decision needs a reason, is recorded over the recommendation, changed with
// its history kept, and shows in the audit log; another organisation's owner gets a 404.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe.ts";
import { launchBrowser } from "./support/browser.ts";
import { devMailbox } from "./support/mailbox.ts";
import { inviteCandidate, signUpVerified, startInterview } from "./support/people.ts";
import { printStackLogsOnFailure, startStack, type Stack } from "./support/stack.ts";

let stack: Stack;
printStackLogsOnFailure(() => stack);
let browser: Browser;
let owner: BrowserContext;
let rival: BrowserContext;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  owner = await signUpVerified(browser, stack.web.url, { name: "Rhea Reviewer", email: "rhea@report.test", organization: "Report Co" });
  rival = await signUpVerified(browser, stack.web.url, { name: "Ron Rival", email: "ron@rival-report.test", organization: "Rival Co" });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("evaluation report", () => {
  it("finish → report with measured part → a test run's link opens the replay at its moment; another organisation gets 404", async () => {
    const recruiter = await owner.newPage();
    const { link } = await inviteCandidate(recruiter, stack.web.url, { name: "Cleo Candidate", email: "cleo@report-cand.test", template: /Backend Python/ });
    const cleo = await startInterview(await browser.newContext(), link);
    const tests = cleo.getByRole("region", { name: "Tests" });
    await tests.getByRole("button", { name: /Run tests/ }).click();
    await tests.getByText("Some tests failed").first().waitFor({ timeout: 60_000 });
    await cleo.getByRole("button", { name: "Finish", exact: true }).click();
    await cleo.getByRole("button", { name: "Finish interview" }).click();
    await cleo.getByRole("heading", { level: 1 }).filter({ hasText: /thank/i }).waitFor({ timeout: 60_000 });

    // From the candidate's page to the report; the page updates itself until the evaluation is done.
    await recruiter.goto(`${stack.web.url}/app/candidates`);
    await recruiter.getByRole("link", { name: "Cleo Candidate" }).first().click();
    await recruiter.getByRole("link", { name: "Report", exact: true }).click();
    await recruiter.waitForURL(/\/app\/sessions\/[^/]+\/report/);
    const reportPath = new URL(recruiter.url()).pathname;
    await recruiter.getByRole("heading", { level: 1, name: "Report: Cleo Candidate" }).waitFor();
    await recruiter.getByText("Evaluated", { exact: true }).waitFor({ timeout: 120_000 });
    await expect.poll(() => recruiter.getByRole("region", { name: "Rubric" }).innerText()).toMatch(/needs the Anthropic API key/);
    expect(await axeViolations(recruiter)).toEqual([]);

    // A re-run queues it again and the page follows it back to done.
    await recruiter.getByRole("button", { name: "Re-run evaluation" }).click();
    await recruiter.getByRole("status").filter({ hasText: /Queued|Running/ }).or(recruiter.getByText("Evaluated", { exact: true })).first().waitFor();
    await recruiter.getByText("Evaluated", { exact: true }).waitFor({ timeout: 120_000 });
    await recruiter.getByRole("button", { name: "Re-run evaluation" }).waitFor();

    // The recommendation: from the hidden tests only (no key here), and it says so.
    const recommendation = recruiter.getByRole("region", { name: "Recommendation" });
    await recommendation.getByText("Measured part only", { exact: true }).waitFor();
    expect(await recommendation.innerText()).toMatch(/the rubric needs the Anthropic API key/);

    // A decision without a reason is refused beside the field, and nothing is recorded.
    const decision = recruiter.getByRole("region", { name: "Decision" });
    await decision.getByText("No decision yet.").waitFor();
    await decision.getByRole("radio", { name: /Advance/ }).check();
    await decision.getByRole("button", { name: "Record decision" }).click();
    await decision.getByText("Give a reason for the decision (a few words at least).").waitFor();
    await decision.getByText("No decision yet.").waitFor();

    // With a reason it is recorded and shown over the recommendation it overrides.
    await decision.getByRole("radio", { name: /Advance/ }).check();
    await decision.getByLabel("Reason").fill("Methodical debugging in the replay; the failing cases are minor.");
    await decision.getByRole("button", { name: "Record decision" }).click();
    await decision.getByTestId("current-decision").filter({ hasText: "Advance by Rhea Reviewer" }).waitFor();
    expect(await recommendation.getByText(/^Decision: Advance — /).innerText()).toMatch(/^Decision: Advance — (overrides|agrees with) recommendation: (Strong yes|Yes|Leaning no|No)$/);
    expect(await axeViolations(recruiter)).toEqual([]);

    // Changed: the new decision is shown, the first one stays in the history.
    await decision.getByRole("radio", { name: /Hold/ }).check();
    await decision.getByLabel("Reason").fill("Waiting for the second interviewer's notes.");
    await decision.getByRole("button", { name: "Change decision" }).click();
    await decision.getByTestId("current-decision").filter({ hasText: "Hold by Rhea Reviewer" }).waitFor();
    await recommendation.getByText(/^Decision: Hold — overrides recommendation: /).waitFor();
    await decision.getByText("Earlier decisions (1)").click();
    expect(await decision.getByRole("list", { name: "Earlier decisions" }).innerText()).toContain("Methodical debugging in the replay");

    // Both are in the audit log, in plain words.
    await recruiter.goto(`${stack.web.url}/app/settings/audit-log?category=candidate`);
    const decided = recruiter.getByRole("table").getByRole("row").filter({ hasText: "Recorded a hiring decision" });
    await expect.poll(() => decided.count()).toBe(2);

    // The candidates list and the candidate's page show the current decision; the creator was
    // emailed the report's link.
    await recruiter.goto(`${stack.web.url}/app/candidates`);
    await recruiter.getByRole("row").filter({ hasText: "Cleo Candidate" }).getByRole("cell", { name: "Hold", exact: true }).waitFor();
    await recruiter.getByRole("link", { name: "Cleo Candidate" }).first().click();
    await recruiter.getByText(/· Decision: Hold$/).waitFor();
    const emailed = await devMailbox(stack.web.url)(recruiter, "rhea@report.test", /Cleo Candidate's report is ready/, "/report");
    expect(new URL(emailed).pathname).toBe(reportPath);
    await recruiter.goto(`${stack.web.url}${reportPath}`);

    // The candidate's test run links into the replay at its moment.
    const run = recruiter.getByRole("list", { name: "Test runs of question 1" }).getByRole("link").first();
    const runText = await run.innerText();
    const at = runText.split(" · ")[0]!;
    await run.click();
    await recruiter.waitForURL(/\/replay\?t=/);
    await expect.poll(async () => (await recruiter.getByTestId("replay-time").innerText()).split(" / ")[0], { timeout: 20_000 }).toBe(at);

    // The candidates table links to the same report.
    await recruiter.goto(`${stack.web.url}/app/candidates`);
    await recruiter.getByRole("link", { name: "Report on Cleo Candidate's interview" }).click();
    await recruiter.waitForURL((url) => url.pathname === reportPath);

    const ron = await rival.newPage();
    const refused = await ron.goto(`${stack.web.url}${reportPath}`);
    expect(refused?.status()).toBe(404);
  }, 600_000);
});
