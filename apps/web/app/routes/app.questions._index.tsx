// The question bank: the curated questions plus the organisation's own generated ones,
// filtered by language, difficulty, topic and a search (a GET form, so it works without JS).
import { EmptyState, buttonClasses } from "@interviewlm/ui";
import { Library } from "@interviewlm/ui/icons";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { hasFilters, parseQuestionFilters } from "~/features/questions/filters";
import { QuestionFilters } from "~/features/questions/question-filters";
import { QuestionsTable } from "~/features/questions/questions-table";
import { requireVerifiedAuth } from "~/.server/session";

export const meta: MetaFunction = () => [{ title: "Question bank · InterviewLM" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const { filters, ignored } = parseQuestionFilters(new URL(request.url).searchParams);
  const [questions, topics, generations] = await Promise.all([
    api.questions.list(filters),
    api.questions.topics(),
    // Generating needs assessments:write; a viewer sees the bank without the generator.
    api.questionGeneration.list().catch(() => null),
  ]);
  return { questions, topics, filters, filtersIgnored: ignored, generations };
}

const GENERATION_STATUS: Record<string, string> = { QUEUED: "waiting", RUNNING: "running", SUCCEEDED: "verified draft", REJECTED: "rejected", FAILED: "failed", CANCELLED: "cancelled" };

export default function QuestionBankPage() {
  const { questions, topics, filters, filtersIgnored, generations } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/app/questions";
  const filtered = hasFilters(filters);
  const count = `${questions.length} ${questions.length === 1 ? "question" : "questions"}`;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Question bank"
        description="Real coding problems with starter code, visible and hidden tests and a reference solution — each one checked in the sandbox. Assessments pick from here; generated questions once you approve them."
        actions={
          generations ? (
            <Link to="/app/questions/generate" className={buttonClasses({ variant: "primary" })}>
              Generate a question
            </Link>
          ) : undefined
        }
      />
      {generations && generations.length > 0 ? (
        <section aria-labelledby="generations-heading" className="space-y-2">
          <h2 id="generations-heading" className="text-sm font-semibold">Recent generations</h2>
          <ul className="space-y-1 text-sm">
            {generations.slice(0, 5).map((g) => (
              <li key={g.id}>
                <Link to={`/app/questions/generations/${g.id}`} className="hover:underline">{g.title}</Link>{" "}
                <span className="text-fg-muted">— {GENERATION_STATUS[g.status] ?? g.status}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <QuestionFilters filters={filters} topics={topics} pending={loading} />
      {filtersIgnored ? <p className="text-xs text-fg-muted">Some filters in the address were not valid and were ignored.</p> : null}

      <p aria-live="polite" className="text-sm text-fg-muted">
        {filtered ? `${count} match these filters.` : `${count} in the bank.`}
      </p>
      {questions.length === 0 ? (
        filtered ? (
          <EmptyState
            icon={<Library />}
            title="No questions match"
            description="Try another language or difficulty, a broader topic, or a different word."
            action={
              <Link to="?" className={buttonClasses({ variant: "secondary" })}>
                Clear filters
              </Link>
            }
          />
        ) : (
          <EmptyState
            icon={<Library />}
            title="The question bank is empty"
            description="The curated questions are loaded when the web server starts. Restart it, or check its log for a question bank error."
          />
        )
      ) : (
        <QuestionsTable questions={questions} caption={filtered ? "Questions matching the filters" : "Questions in the bank"} />
      )}
    </div>
  );
}

// Errors render inside the app shell, with a next step (see the component).
export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
