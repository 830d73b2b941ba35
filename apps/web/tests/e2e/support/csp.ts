// Content-Security-Policy violations in a browser context: the `securitypolicyviolation`
// events of every page (reported through a binding, which CSP does not govern) and
// Chromium's "Refused to …" console errors.
import type { BrowserContext } from "playwright-core";

export interface CspViolation {
  page: string;
  directive: string;
  blocked: string;
  /** Where the offending code is (script URL:line), when the browser says. */
  source?: string;
}

/** Collects the context's violations into `violations` (a new list unless one is given). */
export async function watchCspViolations(context: BrowserContext, violations: CspViolation[] = []): Promise<CspViolation[]> {
  await context.exposeBinding("__reportCspViolation", ({ page }, violation: Omit<CspViolation, "page">) => {
    violations.push({ page: page.url(), ...violation });
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation: (v: Omit<CspViolation, "page">) => void }).__reportCspViolation;
      report({ directive: event.effectiveDirective, blocked: event.blockedURI, source: event.sourceFile ? `${event.sourceFile}:${event.lineNumber}` : undefined });
    });
  });
  context.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
      violations.push({ page: message.page()?.url() ?? "", directive: "(console)", blocked: message.text().slice(0, 300) });
    }
  });
  return violations;
}
