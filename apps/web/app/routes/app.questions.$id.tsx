// One question as interviewers see it: the statement as the candidate reads it, then the
// files — starter, visible tests, and what candidates never see (hidden tests, reference)
// when the caller may read them: never for the curated bank, see questions.get.
import { Badge, Button, Card, CardContent, CardHeader, FormError } from "@interviewlm/ui";
import { EyeOff, Lock } from "@interviewlm/ui/icons";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { TRPCError } from "@trpc/server";
import { PageHeader } from "~/components/page-header";
import { DifficultyBadge } from "~/features/questions/difficulty-badge";
import { FileSection } from "~/features/questions/file-section";
import { LANGUAGE_LABELS } from "~/features/questions/labels";
import { MarkdownContent } from "~/features/questions/markdown-content";
import { TopicList } from "~/features/questions/topic-list";
import { useIsPending } from "~/lib/forms";
import { renderMarkdown } from "~/lib/markdown.server";
import { usePermissions } from "~/lib/permissions";
import { toActionFailure } from "~/.server/api";
import { requireVerifiedAuth } from "~/.server/session";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.question.title ?? "Question"} · Question bank · InterviewLM` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const question = await api.questions.get({ id: params.id ?? "" }).catch((error: unknown) => {
    // Another organisation's question is "not found" too: the page must not tell them apart.
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) {
      throw new Response("Question not found", { status: 404, statusText: "Not Found" });
    }
    throw error;
  });
  // The page shows the title itself; statement headings sit under its h2 "Statement".
  const statementHtml = renderMarkdown(question.statement, { headingOffset: 1, dropTitle: true });
  return { question, statementHtml };
}

/** "Make a variant" (curated or own) and, for a generated draft, "Approve" (docs/decisions/0151). */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const intent = (await request.formData()).get("intent");
  const questionId = params.id ?? "";
  try {
    if (intent === "approve") {
      await api.questionGeneration.approve({ questionId });
      return { ok: true as const, message: "Approved: assessments can now use this question." };
    }
    const job = await api.questionGeneration.variant({ questionId });
    return redirect(`/app/questions/generations/${job.id}`);
  } catch (error) {
    return toActionFailure(error);
  }
}

const WITHHELD_TEXT = {
  curated: "The curated bank's hidden tests and reference solutions stay on our servers: anyone can create an account, candidates included. The evaluation runs them; the statement, starter files and visible tests above are what you can review.",
  permission: "Your role cannot read the hidden tests and reference solutions of your organization's questions. Ask an owner, admin or member.",
} as const;

function HiddenNotice() {
  return (
    <p className="flex items-center gap-2 rounded-md border border-warning-fg/25 bg-warning-soft px-3 py-2 text-xs text-warning-fg">
      <EyeOff aria-hidden="true" className="size-4 shrink-0" />
      Never shown to candidates or to the AI assistant; only the evaluation uses these files.
    </p>
  );
}

export default function QuestionPage() {
  const { question, statementHtml } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const generated = question.source === "GENERATED";
  const draft = generated && !question.approvedAt;
  const canWrite = usePermissions().can("assessments:write");
  const approving = useIsPending({ intent: "approve" });
  const varying = useIsPending({ intent: "variant" });

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={<Link to="/app/questions" className="hover:text-fg hover:underline">← Question bank</Link>}
        title={question.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>{LANGUAGE_LABELS[question.language]}</span>
            <DifficultyBadge difficulty={question.difficulty} />
            <span>about {question.estimatedMinutes} minutes</span>
            {question.retiredAt ? <Badge tone="warning">Retired</Badge> : null}
            {draft ? <Badge tone="warning">Draft — not used by assessments until approved</Badge> : null}
          </span>
        }
        actions={
          canWrite ? (
            <div className="flex flex-wrap gap-2">
              {draft ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="approve" />
                  <Button type="submit" pending={approving} pendingLabel="Approving…">Approve</Button>
                </Form>
              ) : null}
              {generated ? (
                <Link to={`/app/questions/${question.id}/edit`} className="inline-flex items-center rounded-md border border-border px-3 py-1.5 text-sm font-medium hover:bg-surface-muted">
                  Edit (re-verify)
                </Link>
              ) : null}
              {question.language === "python" || question.language === "javascript" || question.language === "typescript" ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="variant" />
                  <Button type="submit" variant="secondary" pending={varying} pendingLabel="Starting…">Make a variant</Button>
                </Form>
              ) : null}
            </div>
          ) : undefined
        }
      />
      {result && !result.ok ? <FormError>{result.message}</FormError> : null}
      {result?.ok ? <p role="status" className="text-sm text-success-fg">{result.message}</p> : null}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem] lg:items-start">
        <Card>
          <CardHeader title="Statement" description="What the candidate reads in the question panel." />
          <CardContent>
            <MarkdownContent html={statementHtml} />
          </CardContent>
        </Card>

        <Card>
          <CardHeader title="Details" />
          <CardContent>
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="text-xs text-fg-muted">Topics</dt>
                <dd className="mt-1"><TopicList topics={question.topics} label="Topics" /></dd>
              </div>
              <div>
                <dt className="text-xs text-fg-muted">Source</dt>
                <dd>{generated ? "Generated for your organization" : "Curated by InterviewLM"}</dd>
              </div>
              <div>
                <dt className="text-xs text-fg-muted">Verification</dt>
                <dd>
                  {generated
                    ? question.verifiedAt
                      ? `Generated and proven in the sandbox on ${new Date(question.verifiedAt).toLocaleDateString()}${question.approvedAt ? `; approved ${new Date(question.approvedAt).toLocaleDateString()}` : "; waiting for approval"}`
                      : "Not verified yet"
                    : "Reference passes and starter fails in the sandbox, checked on every release"}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-fg-muted">Tests</dt>
                <dd>
                  {question.visibleTests.length} visible {question.visibleTests.length === 1 ? "file" : "files"}
                  {question.solution ? `, ${question.solution.hiddenTests.length} hidden ${question.solution.hiddenTests.length === 1 ? "file" : "files"}` : ", plus hidden tests"}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-fg-muted">Identifier</dt>
                <dd className="font-mono text-xs break-all">{question.slug}</dd>
              </div>
              {question.retiredAt ? (
                <div>
                  <dt className="text-xs text-fg-muted">Retired</dt>
                  <dd>{new Date(question.retiredAt).toLocaleDateString()} — kept for the assessments that use it, no longer offered.</dd>
                </div>
              ) : null}
            </dl>
          </CardContent>
        </Card>
      </div>

      <FileSection title="Starter files" description="The workspace the candidate starts from." files={question.starterFiles} />
      <FileSection title="Visible tests" description="In the workspace when tests are visible; run on demand by the candidate." files={question.visibleTests} />
      {question.solution ? (
        <>
          <FileSection title="Hidden tests" description="Run by the evaluation on top of the visible ones." files={question.solution.hiddenTests} notice={<HiddenNotice />} />
          <FileSection title="Reference solution" description="Files that replace the starter files of the same path to solve the question." files={question.solution.referenceSolution} notice={<HiddenNotice />} />
        </>
      ) : (
        <Card>
          <CardHeader title="Hidden tests and reference solution" description="Run by the evaluation on top of the visible tests." />
          <CardContent>
            <p className="flex items-start gap-2 text-sm text-fg-muted">
              <Lock aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
              {WITHHELD_TEXT[question.solutionWithheld ?? "curated"]}
            </p>
          </CardContent>
        </Card>
      )}
    </div>
  );
}

// Errors render inside the app shell, with a next step (see the component).
export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
