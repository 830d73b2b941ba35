// "Ask to erase my data" on the "Your data" page (docs/decisions/0170): names what goes, says
// why it cannot be asked for yet (an open invitation, a running interview), and mails the
// confirmation link — nothing is erased from this page.
import type { ErasureRequestView } from "@interviewlm/core/data-protection/erase";
import { Button } from "@interviewlm/ui";
import { Form, useNavigation } from "@remix-run/react";

type Result = { ok: true; sentTo: string; expiresInHours: number } | { ok: false; message: string };

export function ErasureRequestSection({ organizationName, maskedEmail, erasure, result }: { organizationName: string; maskedEmail: string; erasure: ErasureRequestView; result: Result | undefined }) {
  const navigation = useNavigation();
  const pending = navigation.state === "submitting" && navigation.formData?.get("intent") === "erase";
  return (
    <section aria-labelledby="erase-heading" className="mt-6 space-y-4 rounded-xl border border-line bg-surface px-6 py-8 shadow-overlay">
      <h2 id="erase-heading" className="text-lg font-semibold tracking-tight text-fg">Ask to erase my data</h2>
      {erasure.inProgress ? (
        <p role="status" className="text-sm text-fg">Your data is being erased. Nothing more is needed from you.</p>
      ) : (
        <>
          <ErasedList organizationName={organizationName} removes={erasure.removes} />
          {erasure.refusal ? (
            <p className="rounded-md border border-line bg-canvas px-3 py-2 text-sm text-fg">{erasure.refusal}</p>
          ) : result?.ok ? (
            <p role="status" className="rounded-md border border-line bg-canvas px-3 py-2 text-sm text-fg">
              Sent. Check your inbox at {result.sentTo} for “Confirm erasing your data held by {organizationName}”; nothing is erased until you open that link and confirm. It works for {result.expiresInHours} hours.
            </p>
          ) : (
            <Form method="post" className="space-y-3">
              <p className="text-sm text-fg-muted">
                To make sure it is you, we email a confirmation link to the address you were invited at ({maskedEmail}).
              </p>
              {result && !result.ok ? (
                <p role="alert" className="rounded-md border border-danger-fg/30 bg-danger-soft px-3 py-2 text-sm text-danger-fg">
                  {result.message}
                </p>
              ) : null}
              <Button type="submit" name="intent" value="erase" variant="secondary" size="lg" className="w-full" pending={pending} pendingLabel="Sending…">
                Email me a link to confirm the erasure
              </Button>
            </Form>
          )}
        </>
      )}
    </section>
  );
}

export function ErasedList({ organizationName, removes }: { organizationName: string; removes: readonly string[] }) {
  return (
    <div className="space-y-2 text-sm text-fg-muted">
      <p>Erasing removes, for good, what {organizationName} holds about you from this interview:</p>
      <ul className="list-disc space-y-1 pl-5">
        {removes.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p>
        Only anonymous figures stay (that an interview took place, when, and its test totals), with nothing that names you.
        It cannot be undone: if you want a copy, ask for it first.
      </p>
    </div>
  );
}
