// "Generate a question": what to assess → a generation job (docs/decisions/0151). Claude writes
// the question and the sandbox proves it; the next page shows the job's progress live.
import { Button, Card, CardContent, CardHeader, FormError, Select, Textarea, TextField } from "@interviewlm/ui";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { DIFFICULTIES, DIFFICULTY_LABELS, LANGUAGE_LABELS } from "~/features/questions/labels";
import { fieldError, useIsPending } from "~/lib/forms";
import { toActionFailure } from "~/.server/api";
import { formValues, requireVerifiedAuth } from "~/.server/session";

export const meta: MetaFunction = () => [{ title: "Generate a question · Question bank · InterviewLM" }];

// Python, JavaScript and TypeScript: the languages the generator's checks support (ADR 0151).
const LANGUAGE_OPTIONS = (["python", "javascript", "typescript"] as const).map((value) => ({ value, label: LANGUAGE_LABELS[value] }));
const DIFFICULTY_OPTIONS = DIFFICULTIES.map((value) => ({ value, label: DIFFICULTY_LABELS[value] }));

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireVerifiedAuth(request, context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const values = formValues(await request.formData());
  const topics = (values.topics ?? "").split(",").map((t) => t.trim().toLowerCase().replace(/\s+/g, "-")).filter(Boolean);
  try {
    const job = await api.questionGeneration.generate({
      role: values.role ?? "",
      topics,
      language: (values.language ?? "") as "python",
      difficulty: (values.difficulty ?? "") as "EASY",
      minutes: Number(values.minutes),
      context: values.context ?? "",
    });
    return redirect(`/app/questions/generations/${job.id}`);
  } catch (error) {
    return { ...toActionFailure(error), values };
  }
}

export default function GenerateQuestionPage() {
  const failure = useActionData<typeof action>();
  const pending = useIsPending();
  const values = failure?.values ?? {};
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={<Link to="/app/questions" className="hover:text-fg hover:underline">← Question bank</Link>}
        title="Generate a question"
        description="Claude writes a question for your organization; the sandbox then runs it — the reference must pass three times, the starter must fail, wrong solutions must be caught and a fresh solve from the statement must pass. Only a question that passes becomes a draft you review and approve."
      />
      <Card className="max-w-2xl">
        <CardHeader title="What to assess" />
        <CardContent>
          <Form method="post" className="space-y-4" noValidate>
            <FormError>{failure?.message}</FormError>
            <TextField label="Role" name="role" required maxLength={120} placeholder="Backend engineer" defaultValue={values.role} error={fieldError(failure?.fieldErrors, "role")} />
            <TextField label="Topics" name="topics" required description="Comma-separated, e.g. arrays, hash maps." defaultValue={values.topics} error={fieldError(failure?.fieldErrors, "topics")} />
            <div className="grid gap-4 sm:grid-cols-3">
              <Select label="Language" name="language" options={LANGUAGE_OPTIONS} defaultValue={values.language ?? "python"} error={fieldError(failure?.fieldErrors, "language")} />
              <Select label="Difficulty" name="difficulty" options={DIFFICULTY_OPTIONS} defaultValue={values.difficulty ?? "MEDIUM"} error={fieldError(failure?.fieldErrors, "difficulty")} />
              <TextField label="Minutes" name="minutes" type="number" min={10} max={120} required defaultValue={values.minutes ?? "30"} error={fieldError(failure?.fieldErrors, "minutes")} />
            </div>
            <Textarea label="Context (optional)" name="context" maxLength={1000} rows={3} description='For example "our stack is payments".' defaultValue={values.context} error={fieldError(failure?.fieldErrors, "context")} />
            <Button type="submit" pending={pending} pendingLabel="Starting…">Generate</Button>
          </Form>
        </CardContent>
      </Card>
    </div>
  );
}

export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
