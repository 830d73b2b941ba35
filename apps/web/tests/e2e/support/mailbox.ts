import type { ResendTestServer } from "@interviewlm/emails/testing";
import type { Page } from "playwright-core";
import { expect } from "vitest";

/** Where a scenario reads its mail: returns the first link containing `pathPart` in the newest matching message. */
export type Inbox = (page: Page, to: string, subject: RegExp, pathPart: string) => Promise<string>;

/**
 * Opens the dev mailbox like a user would, opens the newest message to `to` whose
 * subject matches, and returns the first link in its text that contains `pathPart`.
 */
export async function linkFromDevMailbox(page: Page, baseUrl: string, to: string, subject: RegExp, pathPart: string): Promise<string> {
  await page.goto(`${baseUrl}/dev/mailbox?to=${encodeURIComponent(to)}`);
  await page.getByRole("navigation", { name: "Messages" }).getByRole("link", { name: subject }).first().click();
  const text = (await page.getByTestId("email-text").textContent()) ?? "";
  return linkIn(text, to, pathPart);
}

export const devMailbox =
  (baseUrl: string): Inbox =>
  (page, to, subject, pathPart) =>
    linkFromDevMailbox(page, baseUrl, to, subject, pathPart);

/**
 * The mail a production deployment sends: what the local Resend wire server accepted (the dev
 * mailbox is off). Waits for the message, since the outbox sends it after the page answered.
 */
export const resendInbox =
  (resend: ResendTestServer): Inbox =>
  async (_page, to, subject, pathPart) => {
    const newest = () => resend.emails.filter((email) => email.to.some((address) => address.includes(to)) && subject.test(email.subject)).at(-1);
    // A loop, not expect.poll: scenarios sign people up in beforeAll too.
    const deadline = Date.now() + 60_000;
    while (!newest()) {
      if (Date.now() > deadline) throw new Error(`no email to ${to} matching ${subject} reached the Resend test server`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return linkIn(newest()!.text ?? newest()!.html ?? "", to, pathPart);
  };

function linkIn(text: string, to: string, pathPart: string): string {
  const link = text.match(new RegExp(`https?://[^\\s)\\]>"]*${pathPart}[^\\s)\\]>"]*`))?.[0];
  expect(link, `a ${pathPart} link in the email to ${to}`).toBeTruthy();
  return link!;
}
