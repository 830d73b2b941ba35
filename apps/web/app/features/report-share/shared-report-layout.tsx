import type { ReactNode } from "react";
import { Logo } from "~/components/logo";

/**
 * A shared report's page: no app shell and no way into the product (the reader has no
 * account), the organisation that shared it named in the footer.
 */
export function SharedReportLayout({ children, sharedBy }: { children: ReactNode; sharedBy?: string }) {
  return (
    <div className="flex min-h-dvh flex-col bg-canvas">
      <header className="flex justify-center px-6 pt-8 pb-4 print:hidden">
        <Logo />
      </header>
      <main id="main" className="flex flex-1 justify-center px-4 pb-16 print:p-0">
        <div className="w-full max-w-4xl space-y-6">{children}</div>
      </main>
      <footer className="px-6 pb-8 text-center text-xs text-fg-muted">
        {sharedBy ? `Shared by ${sharedBy} through InterviewLM. Read-only.` : "InterviewLM"}
      </footer>
    </div>
  );
}
