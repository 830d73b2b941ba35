// Sharing a session's report with someone who has no account (docs/decisions/0142): choose how
// long the link works, copy it, see the links that still work and revoke any of them.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Button, EmptyState, FormError, Select, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@interviewlm/ui";
import type { CreateReportShareInput } from "@interviewlm/core/report-shares/schemas";
import { PageHeader } from "~/components/page-header";
import { throwAsResponse, toActionFailure } from "~/.server/api";
import { formValues, requireVerifiedAuth } from "~/.server/session";
import { CopyLink } from "~/features/report-share/copy-link";
import { DEFAULT_EXPIRY_DAYS, EXPIRY_OPTIONS } from "~/features/report-share/expiry-options";
import { formatAbsolute } from "~/features/candidates/time";
import { useIsPending } from "~/lib/forms";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `${data.summary.candidateName} · ` : ""}Share report · InterviewLM` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const sessionId = params.sessionId ?? "";
  // The shares first: another organisation's session (or a role that may not share) is refused before anything else is read.
  const shares = await api.reportShares.list({ sessionId }).catch(throwAsResponse);
  const summary = await api.replay.summary({ sessionId }).catch(throwAsResponse);
  return { shares, summary: { id: summary.id, candidateName: summary.candidateName, assessmentTitle: summary.assessmentTitle, inProgress: summary.inProgress } };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const sessionId = params.sessionId ?? "";
  const values = formValues(await request.formData());
  const here = `/app/sessions/${encodeURIComponent(sessionId)}/share`;
  try {
    if (values.intent === "create") {
      const share = await api.reportShares.create({ sessionId, expiresInDays: Number(values.expiresInDays) as CreateReportShareInput["expiresInDays"] });
      return redirect(`${here}?created=${encodeURIComponent(share.id)}`);
    }
    if (values.intent === "revoke") {
      await api.reportShares.revoke({ shareId: values.shareId ?? "" });
      return redirect(`${here}?revoked=1`);
    }
  } catch (error) {
    return toActionFailure(error);
  }
  throw new Response(`Unknown action "${values.intent ?? ""}": use create or revoke.`, { status: 400, statusText: "Invalid request" });
}

export default function ShareReportPage() {
  const { shares, summary } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [params] = useSearchParams();
  const created = shares.find((s) => s.id === params.get("created"));
  const creating = useIsPending({ intent: "create" });
  const reportPath = `/app/sessions/${encodeURIComponent(summary.id)}/report`;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        eyebrow={<Link to={reportPath} className="hover:text-fg">← Report: {summary.candidateName}</Link>}
        title={`Share the report: ${summary.candidateName}`}
        description="Anyone with the link can read this report without an account until it expires or you revoke it. Replay links are left out: the replay stays for members of your organization."
      />
      <FormError>{failure?.message}</FormError>
      {summary.inProgress ? (
        <EmptyState headingLevel={2} title="Not finished yet" description="The report can be shared once the candidate has finished the interview." />
      ) : (
        <section aria-labelledby="share-new" className="space-y-3 rounded-lg border border-line p-4">
          <h2 id="share-new" className="text-base font-semibold text-fg">New link</h2>
          <Form method="post" className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="intent" value="create" />
            <Select name="expiresInDays" label="Link works for" options={EXPIRY_OPTIONS} defaultValue={DEFAULT_EXPIRY_DAYS} containerClassName="w-40" />
            <Button type="submit" pending={creating} pendingLabel="Creating…">Create link</Button>
          </Form>
          {created ? (
            <div role="status" className="space-y-2 rounded-md border border-success-fg/30 bg-success-soft p-3 text-sm text-fg">
              <p>Link created. It works until {formatAbsolute(new Date(created.expiresAt))}.</p>
              <CopyLink url={created.url} label="New share link" />
            </div>
          ) : params.get("revoked") ? (
            <p role="status" className="text-sm text-fg-muted">The link was revoked; it no longer opens the report.</p>
          ) : null}
        </section>
      )}
      <section aria-labelledby="share-active" className="space-y-3">
        <h2 id="share-active" className="text-base font-semibold text-fg">Active links</h2>
        {shares.length === 0 ? (
          <p className="text-sm text-fg-muted">No link to this report works right now.</p>
        ) : (
          <Table caption="Active share links" hideCaption>
            <TableHead>
              <TableRow>
                <TableHeaderCell>Link</TableHeaderCell>
                <TableHeaderCell>Expires</TableHeaderCell>
                <TableHeaderCell>Views</TableHeaderCell>
                <TableHeaderCell>Created by</TableHeaderCell>
                <TableHeaderCell><span className="sr-only">Actions</span></TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {shares.map((share, index) => (
                <TableRow key={share.id}>
                  <TableCell className="min-w-72"><CopyLink url={share.url} label={`Share link ${index + 1}`} /></TableCell>
                  <TableCell>{formatAbsolute(new Date(share.expiresAt))}</TableCell>
                  <TableCell>{share.viewCount}{share.lastViewedAt ? <span className="block text-xs text-fg-muted">last {formatAbsolute(new Date(share.lastViewedAt))}</span> : null}</TableCell>
                  <TableCell>{share.createdBy ?? "A former member"}</TableCell>
                  <TableCell className="text-right">
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="shareId" value={share.id} />
                      <Button type="submit" size="sm" variant="danger" aria-label={`Revoke share link ${index + 1}`}>Revoke</Button>
                    </Form>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}

export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
