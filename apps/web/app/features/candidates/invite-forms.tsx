// "Invite one" and "Bulk invite from CSV". Both are plain POST forms: they work before
// the scripts load, and the server answers with the result (or the per-row report).
import { BULK_MAX_BYTES, BULK_MAX_ROWS, INVITE_EXPIRY_DEFAULT_DAYS } from "@interviewlm/core/candidates/schemas";
import { Button, FormError, Select, Textarea, TextField } from "@interviewlm/ui";
import { Form } from "@remix-run/react";
import { useId } from "react";
import { FailureMessage } from "~/features/billing/no-credits-message";
import { fieldError, useIsPending } from "~/lib/forms";
import type { CandidateActionResult } from "./candidate-actions.server";

const EXPIRY_OPTIONS = [1, 3, 7, 14, 30].map((days) => ({
  value: String(days),
  label: days === 1 ? "1 day" : `${days} days${days === INVITE_EXPIRY_DEFAULT_DAYS ? " (default)" : ""}`,
}));

function ExpirySelect({ result }: { result: FailedResult | null }) {
  return (
    <Select
      label="Link valid for"
      name="expiresInDays"
      options={EXPIRY_OPTIONS}
      defaultValue={result?.values.expiresInDays ?? String(INVITE_EXPIRY_DEFAULT_DAYS)}
      error={fieldError(result?.fieldErrors, "expiresInDays")}
    />
  );
}

type FailedResult = Extract<CandidateActionResult, { ok: false }>;

function failureFor(result: CandidateActionResult | undefined, intent: string): FailedResult | null {
  return result && !result.ok && result.intent === intent ? result : null;
}

function Success({ result, intent }: { result: CandidateActionResult | undefined; intent: string }) {
  return result?.ok && result.intent === intent ? (
    <p role="status" className="text-sm text-success-fg">
      {result.message}
    </p>
  ) : null;
}

export function InviteOneForm({ result }: { result: CandidateActionResult | undefined }) {
  const failed = failureFor(result, "invite");
  const pending = useIsPending({ intent: "invite" });
  // A new key after a success empties the fields for the next candidate.
  const key = result?.ok && result.intent === "invite" ? `sent-${result.candidateId}` : "invite";
  return (
    <Form method="post" noValidate key={key} className="space-y-3" aria-label="Invite one candidate">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Name" name="name" required autoComplete="off" defaultValue={failed?.values.name} error={fieldError(failed?.fieldErrors, "name")} />
        <TextField label="Email" name="email" type="email" required autoComplete="off" defaultValue={failed?.values.email} error={fieldError(failed?.fieldErrors, "email")} />
      </div>
      <ExpirySelect result={failed} />
      <FormError>{failed && !failed.fieldErrors ? <FailureMessage message={failed.message} /> : null}</FormError>
      <Success result={result} intent="invite" />
      <Button type="submit" name="intent" value="invite" pending={pending} pendingLabel="Sending…">
        Send invitation
      </Button>
    </Form>
  );
}

export function BulkInviteForm({ result }: { result: CandidateActionResult | undefined }) {
  const failed = failureFor(result, "invite-bulk");
  const pending = useIsPending({ intent: "invite-bulk" });
  const fileId = useId();
  const csvError = fieldError(failed?.fieldErrors, "csv");
  return (
    <Form method="post" encType="multipart/form-data" noValidate className="space-y-3" aria-label="Bulk invite from CSV">
      <div className="space-y-1.5">
        <label htmlFor={fileId} className="block text-sm font-medium text-fg">
          CSV file
        </label>
        <p id={`${fileId}-hint`} className="text-xs text-fg-muted">
          One candidate per line: <code className="font-mono">name,email</code> (a header line is optional). Up to {BULK_MAX_ROWS} rows,{" "}
          {BULK_MAX_BYTES / 1024} KB.
        </p>
        <input
          id={fileId}
          name="csvFile"
          type="file"
          accept=".csv,text/csv,text/plain"
          aria-describedby={`${fileId}-hint`}
          className="block w-full text-sm text-fg-muted file:mr-3 file:rounded-md file:border file:border-line-strong file:bg-surface-raised file:px-3 file:py-1.5 file:text-sm file:text-fg"
        />
      </div>
      <Textarea
        label="…or paste the rows"
        name="csv"
        rows={5}
        className="font-mono text-xs"
        placeholder={"name,email\nAda Lovelace,ada@example.com"}
        defaultValue={failed?.values.csv}
        error={csvError}
      />
      <ExpirySelect result={failed} />
      <FormError>{failed && !csvError ? <FailureMessage message={failed.message} /> : null}</FormError>
      <Success result={result} intent="invite-bulk" />
      <Button type="submit" name="intent" value="invite-bulk" pending={pending} pendingLabel="Inviting…">
        Invite from CSV
      </Button>
    </Form>
  );
}
