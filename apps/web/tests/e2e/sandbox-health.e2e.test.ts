// A sandbox that cannot run code is visible before the interview, not after: the portal's
// system check says so in words a candidate can act on, and Start stays disabled.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe.ts";
import { launchBrowser } from "./support/browser.ts";
import { inviteCandidate, signUpVerified } from "./support/people.ts";
import { printStackLogsOnFailure, startStack, type Stack } from "./support/stack.ts";

let stack: Stack;
printStackLogsOnFailure(() => stack);
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("the candidate's system check", () => {
  it("fails the sandbox line when code cannot run, says what to do, and keeps Start disabled", async () => {
    const owner = await signUpVerified(browser, stack.web.url, { name: "Hana Health", email: "hana@health.test", organization: "Health Co" });
    const { link } = await inviteCandidate(await owner.newPage(), stack.web.url, { name: "Dee Down", email: "dee@cand.test" });
    await stack.sandbox.stop(); // the sandbox service is down

    const page = await (await browser.newContext()).newPage();
    await page.goto(link);
    const check = page.getByRole("region", { name: "System check" });
    await page.getByText(/Reached InterviewLM in \d+ ms/).waitFor();
    await check.getByText(/Code cannot run in the interview sandbox right now/).waitFor({ timeout: 120_000 });
    expect(await check.innerText()).toMatch(/Code sandbox\s*: problem[\s\S]*Nothing has started and no time is counting[\s\S]*tell Health Co/);
    await page.getByRole("checkbox", { name: "I agree to the recording described above" }).check();
    expect(await page.getByRole("button", { name: "Start the interview" }).isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });
});
