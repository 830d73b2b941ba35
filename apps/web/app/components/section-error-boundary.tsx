// The error boundary of every page inside /app. Remix renders a route's ErrorBoundary in
// place of that route only, inside its parents — so exported by each page, it keeps the
// app shell (navigation, organisation switcher, account menu) around the error.
import { buttonClasses } from "@interviewlm/ui";
import { AlertTriangle } from "@interviewlm/ui/icons";
import { isRouteErrorResponse, Link, useLocation, useRouteError } from "@remix-run/react";
import { useEffect } from "react";
import { describeSectionError } from "./section-error";

export function SectionErrorBoundary() {
  const error = useRouteError();
  const { pathname, search } = useLocation();
  const response = isRouteErrorResponse(error);
  const view = describeSectionError(pathname, response ? error.status : 500, response && typeof error.data === "string" ? error.data : null);

  useEffect(() => {
    if (!response) console.error(error);
  }, [error, response]);

  return (
    <section aria-labelledby="section-error-title" className="mx-auto max-w-xl py-10">
      <div className="flex items-start gap-3">
        <AlertTriangle aria-hidden="true" className="mt-1 size-5 shrink-0 text-warning-fg" />
        <div className="space-y-2">
          <p className="font-mono text-xs text-fg-muted">Error {view.status}</p>
          <h1 id="section-error-title" className="text-lg font-semibold tracking-tight text-fg">{view.title}</h1>
          <p className="text-sm text-fg-muted">{view.message}</p>
          <div className="flex flex-wrap gap-2 pt-2">
            {view.next.map((step, index) => (
              <Link
                key={step.to + step.label}
                to={step.reload ? `${step.to}${search}` : step.to}
                reloadDocument={step.reload}
                className={buttonClasses({ variant: index === 0 ? "primary" : "secondary" })}
              >
                {step.label}
              </Link>
            ))}
          </div>
        </div>
      </div>
    </section>
  );
}
