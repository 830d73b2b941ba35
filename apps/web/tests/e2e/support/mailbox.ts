import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * Opens the dev mailbox like a user would, opens the newest message to `to` whose
 * subject matches, and returns the first link in its text that contains `pathPart`.
 */
export async function linkFromDevMailbox(page: Page, baseUrl: string, to: string, subject: RegExp, pathPart: string): Promise<string> {
  await page.goto(`${baseUrl}/dev/mailbox?to=${encodeURIComponent(to)}`);
  await page.getByRole("navigation", { name: "Messages" }).getByRole("link", { name: subject }).first().click();
  const text = (await page.getByTestId("email-text").textContent()) ?? "";
  const link = text.match(new RegExp(`https?://[^\\s)\\]>"]*${pathPart}[^\\s)\\]>"]*`))?.[0];
  expect(link, `a ${pathPart} link in the email to ${to}`).toBeTruthy();
  return link!;
}
