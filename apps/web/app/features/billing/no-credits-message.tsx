import { Link } from "@remix-run/react";

const BILLING_PATH = "/app/billing";

/** A refusal message; when it is "no credits left" it links to the billing page to buy more. */
export function FailureMessage({ message }: { message: string }) {
  if (!message.startsWith("No credits left")) return <>{message}</>;
  return (
    <>
      No credits left: every credit is held by an open invitation or used.{" "}
      <Link to={BILLING_PATH} className="font-medium underline">
        Buy credits on the billing page
      </Link>{" "}
      to invite more candidates.
    </>
  );
}
