import { NotFoundPage } from "~/components/error-page";
import type { MetaFunction } from "@remix-run/node";

// Any URL no other route claims. Throwing a 404 (rather than rendering) sets the status code.
export function loader() {
  throw new Response("Not Found", { status: 404 });
}

export const meta: MetaFunction = () => [{ title: "Page not found · InterviewLM" }, { name: "robots", content: "noindex" }];

export default function CatchAll() {
  return <NotFoundPage />;
}

export function ErrorBoundary() {
  return <NotFoundPage />;
}
