// What the candidate sees once the interview is over (after Finish or when time ran out).
import { CircleCheck } from "@interviewlm/ui/icons";

export function ThankYou({ candidateName, organizationName }: { candidateName?: string; organizationName?: string }) {
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <CircleCheck aria-hidden="true" className="size-10 text-success-fg" />
      <h1 className="text-lg font-semibold">Thank you{candidateName ? `, ${candidateName}` : ""}</h1>
      <p className="text-sm text-fg-muted">
        Your interview is complete and your work has been submitted. {organizationName ? `${organizationName} will be in touch` : "The team will be in touch"} about next steps.
      </p>
      <p className="text-sm text-fg-muted">You can close this tab now.</p>
    </main>
  );
}
