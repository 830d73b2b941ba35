import { buttonClasses } from "@interviewlm/ui";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Logo } from "./logo";

interface ErrorPageProps {
  status: number;
  title: string;
  children: ReactNode;
  /** Developer detail (stack trace); only passed in development. */
  detail?: string;
}

/**
 * A full-page error that works with no JavaScript and no app chrome, since it can replace
 * the whole document when the root itself fails.
 */
export function ErrorPage({ status, title, children, detail }: ErrorPageProps) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="px-6 py-5">
        <Link to="/" className="inline-flex rounded-md">
          <Logo />
        </Link>
      </header>
      <main id="main" className="flex flex-1 items-center justify-center px-6 pb-24">
        <div className="max-w-md text-center">
          <p className="font-mono text-sm text-accent-fg">{status}</p>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight text-fg">{title}</h1>
          <div className="mt-3 text-sm text-fg-muted">{children}</div>
          <div className="mt-6 flex justify-center gap-2">
            <Link to="/" className={buttonClasses({ variant: "primary" })}>
              Go to the home page
            </Link>
            <Link to="/app" className={buttonClasses({ variant: "secondary" })}>
              Open the app
            </Link>
          </div>
          {detail ? (
            <pre className="mt-8 max-h-80 overflow-auto rounded-lg border border-line bg-surface p-4 text-left text-xs text-fg-muted">
              {detail}
            </pre>
          ) : null}
        </div>
      </main>
    </div>
  );
}

export function NotFoundPage() {
  return (
    <ErrorPage status={404} title="Page not found">
      <p>The page you asked for does not exist or has moved. Check the address, or start again from the home page.</p>
    </ErrorPage>
  );
}
