import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { LandingPage } from "~/components/marketing/landing-page";
import { landingMeta } from "~/components/marketing/landing-meta";

export function loader({ request, context }: LoaderFunctionArgs) {
  // The configured public URL wins (the request's host can be a proxy's or spoofed);
  // plain `remix vite:dev` has no load context, so fall back to the request's origin.
  const origin = context?.services?.env.APP_URL ?? new URL(request.url).origin;
  return { origin: origin.replace(/\/$/, "") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => landingMeta(data?.origin ?? "");

export default function Index() {
  return <LandingPage />;
}
