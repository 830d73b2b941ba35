import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Logo } from "./logo";

export interface AuthLayoutProps {
  /** The page's h1, e.g. "Log in". */
  title: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
  /** Links under the card, e.g. "New here? Create an account". */
  footer?: ReactNode;
}

/** Centered card for log-in, sign-up, verification and password pages. */
export function AuthLayout({ title, subtitle, children, footer }: AuthLayoutProps) {
  return (
    <div className="flex min-h-dvh flex-col bg-canvas bg-[radial-gradient(ellipse_60%_40%_at_50%_0%,rgb(94_106_210/0.12),transparent)]">
      <header className="flex justify-center px-6 pt-12 pb-8">
        <Link to="/" className="rounded-md">
          <Logo />
        </Link>
      </header>
      <main id="main" className="flex flex-1 justify-center px-4 pb-16">
        <div className="w-full max-w-sm">
          <div className="rounded-xl border border-line bg-surface px-6 py-7 shadow-overlay sm:px-8">
            <div className="mb-6 space-y-1.5 text-center">
              <h1 className="text-xl font-semibold tracking-tight text-fg">{title}</h1>
              {subtitle ? <p className="text-sm text-fg-muted">{subtitle}</p> : null}
            </div>
            {children}
          </div>
          {footer ? <div className="mt-6 space-y-2 text-center text-sm text-fg-muted">{footer}</div> : null}
        </div>
      </main>
    </div>
  );
}
