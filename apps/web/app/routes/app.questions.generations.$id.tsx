// One generation job: its live progress (polled every second while it runs: each stage, each
// repair round and why), the verification report (each check with its outputs and the kill
// rate), Cancel while it runs, and for a verified draft the way to review and approve it.
import { Badge, Button, Card, CardContent, CardHeader, FormError, Spinner } from "@interviewlm/ui";
import type { BadgeTone } from "@interviewlm/ui";
import type { CheckResult } from "@interviewlm/core/questions/generation";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { TRPCError } from "@trpc/server";
import { useEffect } from "react";
import { PageHeader } from "~/components/page-header";
import { CHECK_LABELS } from "~/features/questions/generation-labels";
import { useIsPending } from "~/lib/forms";
import { toActionFailure } from "~/.server/api";
import { requireVerifiedAuth } from "~/.server/session";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.job.title ?? "Generation"} · Question bank · InterviewLM` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const job = await api.questionGeneration.get({ id: params.id ?? "" }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) throw new Response("Generation not found", { status: 404 });
    throw error;
  });
  return { job };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const form = await request.formData();
  try {
    if (form.get("intent") === "approve") {
      const questionId = String(form.get("questionId") ?? "");
      await api.questionGeneration.approve({ questionId });
      return redirect(`/app/questions/${questionId}`);
    }
    await api.questionGeneration.cancel({ id: params.id ?? "" });
    return null;
  } catch (error) {
    return toActionFailure(error);
  }
}

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  QUEUED: { label: "Waiting", tone: "neutral" },
  RUNNING: { label: "Running", tone: "accent" },
  SUCCEEDED: { label: "Verified", tone: "success" },
  REJECTED: { label: "Rejected", tone: "danger" },
  FAILED: { label: "Failed", tone: "danger" },
  CANCELLED: { label: "Cancelled", tone: "neutral" },
};
const CHECK_TONE: Record<CheckResult["status"], BadgeTone> = { passed: "success", failed: "danger", skipped: "neutral" };

export default function GenerationPage() {
  const { job } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const cancelling = useIsPending({ intent: "cancel" });
  const approving = useIsPending({ intent: "approve" });
  const active = job.status === "QUEUED" || job.status === "RUNNING";
  const { revalidate } = useRevalidator();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [active, revalidate]);
  const status = STATUS[job.status] ?? { label: job.status, tone: "neutral" as const };
  const cost = job.usage.costMicroUsd === null ? "cost unknown" : `$${(job.usage.costMicroUsd / 1_000_000).toFixed(4)}`;

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={<Link to="/app/questions" className="hover:text-fg hover:underline">← Question bank</Link>}
        title={job.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={status.tone}>{status.label}</Badge>
            {active ? <Spinner size="sm" label="Generation in progress" /> : null}
            <span>{job.kind === "edit" ? "Re-verifying an edited draft" : job.kind === "variant" ? "Variant of an existing question" : "New question"}</span>
            {job.model ? <span className="text-xs text-fg-muted">{job.model} · {job.promptVersion ?? "—"} · {job.usage.inputTokens + job.usage.outputTokens} tokens · {cost}</span> : null}
          </span>
        }
      />
      <FormError>{failure && "message" in failure ? failure.message : null}</FormError>

      {active ? (
        <Form method="post">
          <input type="hidden" name="intent" value="cancel" />
          <Button type="submit" variant="secondary" pending={cancelling} pendingLabel="Cancelling…" disabled={job.cancelRequested}>
            {job.cancelRequested ? "Cancelling at the next stage…" : "Cancel"}
          </Button>
        </Form>
      ) : null}

      {job.status === "SUCCEEDED" && job.questionId ? (
        <Card>
          <CardHeader title="Verified draft" description="Every check passed. Review the statement, files and tests, then approve it so assessments can use it." />
          <CardContent className="flex flex-wrap gap-3">
            <Link to={`/app/questions/${job.questionId}`} className="font-medium text-accent-fg underline">Review the draft</Link>
            <Form method="post">
              <input type="hidden" name="intent" value="approve" />
              <input type="hidden" name="questionId" value={job.questionId} />
              <Button type="submit" pending={approving} pendingLabel="Approving…">Approve</Button>
            </Form>
          </CardContent>
        </Card>
      ) : null}
      {job.status === "REJECTED" ? (
        <p role="status" className="rounded-md border border-danger-fg/25 bg-danger-soft px-3 py-2 text-sm text-danger-fg">
          Rejected after {job.report?.rounds.length ?? 0} round(s): {job.report?.reason ?? "a check failed"}. Nothing was added to your question bank.
        </p>
      ) : null}
      {job.status === "FAILED" ? (
        <p role="status" className="rounded-md border border-danger-fg/25 bg-danger-soft px-3 py-2 text-sm text-danger-fg">{job.lastError ?? "The generation failed."}</p>
      ) : null}

      <Card>
        <CardHeader title="Progress" description={active ? "Updates every second." : undefined} />
        <CardContent>
          {job.progress.length === 0 ? (
            <p className="text-sm text-fg-muted">Waiting for the generation worker to pick this up…</p>
          ) : (
            <ol aria-live="polite" aria-label="Generation progress" className="space-y-1 text-sm">
              {job.progress.map((entry, i) => (
                <li key={i} className="flex gap-2">
                  <span className="w-16 shrink-0 text-xs text-fg-muted tabular-nums">{new Date(entry.at).toLocaleTimeString()}</span>
                  <span className="w-20 shrink-0 font-medium">{entry.status}</span>
                  <span><span className="font-mono text-xs">{entry.stage}</span> — {entry.detail}</span>
                </li>
              ))}
            </ol>
          )}
        </CardContent>
      </Card>

      {job.report ? (
        <section aria-labelledby="report-heading" className="space-y-4">
          <h2 id="report-heading" className="text-lg font-semibold">Verification report</h2>
          <p className="text-sm text-fg-muted">
            Kill-rate floor {Math.round(job.report.killRateFloor * 100)} % of mutants and every wrong solution; at most {job.report.maxRepairRounds} repair rounds.
          </p>
          {job.report.rounds.map((round) => (
            <Card key={round.round}>
              <CardHeader title={`Round ${round.round}`} description={round.passed ? "All checks passed." : "Some checks failed; the evidence went back to the model."} />
              <CardContent className="space-y-3">
                {round.invalidAnswers.length > 0 ? <p className="text-xs text-fg-muted">Answers rejected for their format first: {round.invalidAnswers.join("; ")}</p> : null}
                <ul className="space-y-3">
                  {round.checks.map((check) => (
                    <li key={check.check} className="rounded-md border border-border p-3">
                      <div className="flex flex-wrap items-center gap-2">
                        <Badge tone={CHECK_TONE[check.status]}>{check.status}</Badge>
                        <span className="font-medium">{CHECK_LABELS[check.check]}</span>
                      </div>
                      <p className="mt-1 text-sm">{check.summary}</p>
                      {check.killRate ? (
                        <p className="mt-1 text-sm">
                          Kill rate {Math.round(check.killRate.score * 100)} % ({check.killRate.mutantsKilled} of {check.killRate.mutantsRun - check.killRate.stillborn} mutants), wrong solutions caught {check.killRate.wrongCaught} of {check.killRate.wrongTotal}.
                        </p>
                      ) : null}
                      {check.evidence.length > 0 || (check.runs?.length ?? 0) > 0 || (check.variants?.length ?? 0) > 0 ? (
                        <details className="mt-2 text-sm">
                          <summary className="cursor-pointer text-fg-muted">Outputs</summary>
                          {check.evidence.length > 0 ? <pre className="mt-2 max-h-64 overflow-auto rounded bg-surface-muted p-2 text-xs whitespace-pre-wrap">{check.evidence.join("\n\n")}</pre> : null}
                          {check.runs?.map((run) => (
                            <p key={run.label} className="mt-1 text-xs">{run.label}: {run.status}, {run.passed}/{run.total} passed in {(run.durationMs / 1000).toFixed(1)} s</p>
                          ))}
                          {check.variants?.map((v) => (
                            <p key={`${v.kind}:${v.id}`} className="mt-1 text-xs">{v.kind === "wrong" ? "Wrong solution" : "Mutant"} {v.id}: {v.caught ? "caught" : v.stillborn ? "did not load" : "NOT caught"} ({v.status})</p>
                          ))}
                        </details>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </CardContent>
            </Card>
          ))}
        </section>
      ) : null}
    </div>
  );
}

export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
