// First: before any route module parses with Zod in the browser (see the module).
import "~/lib/zod-jitless";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
} from "@remix-run/react";
import type { LinksFunction } from "@remix-run/node";
import { useEffect, type ReactNode } from "react";
import { ErrorPage, NotFoundPage } from "~/components/error-page";
import { markHydrated } from "~/lib/hydration-mark";
import { useNonce } from "~/lib/nonce";
import stylesheet from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** The document around every page, error pages included (Remix renders ErrorBoundary inside it). */
export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en" className="bg-canvas">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="dark" />
        <meta name="theme-color" content="#0a0b0d" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-dvh bg-canvas text-fg">
        <a
          href="#main"
          className="sr-only rounded-md bg-accent px-3 py-2 text-sm font-medium text-fg-on-accent focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-[100]"
        >
          Skip to content
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  // The root's effect runs after every route's: the whole page is hydrated.
  useEffect(markHydrated, []);
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();

  if (isRouteErrorResponse(error)) {
    if (error.status === 404) return <NotFoundPage />;
    return (
      <ErrorPage status={error.status} title={error.statusText || "Request failed"}>
        <p>{typeof error.data === "string" && error.data ? error.data : "The request could not be completed."}</p>
      </ErrorPage>
    );
  }

  // Unexpected errors: a calm page for people, the stack for developers.
  const detail = import.meta.env.DEV && error instanceof Error ? (error.stack ?? error.message) : undefined;
  return (
    <ErrorPage status={500} title="Something went wrong" detail={detail}>
      <p>
        An unexpected error stopped this page from loading. Please try again in a moment; if it keeps happening, let
        us know what you were doing.
      </p>
    </ErrorPage>
  );
}
