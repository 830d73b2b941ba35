// Any /app address no page claims: a 404 inside the app shell, so navigation stays.
import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [{ title: "Not found · InterviewLM" }, { name: "robots", content: "noindex" }];

export function loader() {
  throw new Response("Not Found", { status: 404 });
}

export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";

export default function UnknownAppPage() {
  return null;
}
