import type { ReactNode } from "react";
import { Logo } from "~/components/logo";

/**
 * The candidate's pages: no app shell, no navigation into the product (candidates have no
 * account), just the content centred on a quiet background.
 */
export function PortalLayout({ children, width = "wide" }: { children: ReactNode; width?: "narrow" | "wide" }) {
  return (
    <div className="flex min-h-dvh flex-col bg-canvas bg-[radial-gradient(ellipse_60%_40%_at_50%_0%,rgb(94_106_210/0.10),transparent)]">
      <header className="flex justify-center px-6 pt-10 pb-6">
        <Logo />
      </header>
      <main id="main" className="flex flex-1 justify-center px-4 pb-16">
        <div className={width === "narrow" ? "w-full max-w-md pt-8" : "w-full max-w-2xl space-y-6"}>{children}</div>
      </main>
      <footer className="px-6 pb-8 text-center text-xs text-fg-muted">
        InterviewLM runs this assessment for the company that invited you.
      </footer>
    </div>
  );
}
