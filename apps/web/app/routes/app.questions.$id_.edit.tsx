// Edit a generated question: the title, statement, time and every file's content. Saving does
// not change the question: it queues a re-verification job (docs/decisions/0151), and only an
// edit that passes every check replaces the draft (which then needs approval again).
import { Button, Card, CardContent, CardHeader, FormError, Textarea, TextField } from "@interviewlm/ui";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { TRPCError } from "@trpc/server";
import { PageHeader } from "~/components/page-header";
import { useIsPending } from "~/lib/forms";
import { toActionFailure } from "~/.server/api";
import { formValues, requireVerifiedAuth } from "~/.server/session";

export const meta: MetaFunction = () => [{ title: "Edit a generated question · InterviewLM" }];

const SETS = [
  { key: "starterFiles", title: "Starter files" },
  { key: "visibleTests", title: "Visible tests" },
  { key: "hiddenTests", title: "Hidden tests" },
  { key: "referenceSolution", title: "Reference solution" },
] as const;
type SetKey = (typeof SETS)[number]["key"];

async function load(request: Request, context: LoaderFunctionArgs["context"], id: string) {
  const { api } = await requireVerifiedAuth(request, context);
  const question = await api.questions.get({ id }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) throw new Response("Question not found", { status: 404 });
    throw error;
  });
  if (question.source !== "GENERATED" || !question.solution) throw new Response("Only your organization's generated questions can be edited here.", { status: 404 });
  return { api, question, files: { starterFiles: question.starterFiles, visibleTests: question.visibleTests, ...question.solution } as Record<SetKey, { path: string; content: string }[]> };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { question, files } = await load(request, context, params.id ?? "");
  return { question: { id: question.id, title: question.title, statement: question.statement, estimatedMinutes: question.estimatedMinutes }, files };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api, files } = await load(request, context, params.id ?? "");
  const values = formValues(await request.formData());
  const edited = Object.fromEntries(SETS.map(({ key }) => [key, files[key].map((file, i) => ({ path: file.path, content: values[`${key}.${i}`] ?? file.content }))])) as Record<SetKey, { path: string; content: string }[]>;
  try {
    const job = await api.questionGeneration.editDraft({
      questionId: params.id ?? "",
      edit: { title: values.title ?? "", statement: values.statement ?? "", estimatedMinutes: Number(values.estimatedMinutes), ...edited },
    });
    return redirect(`/app/questions/generations/${job.id}`);
  } catch (error) {
    return toActionFailure(error);
  }
}

export default function EditGeneratedQuestionPage() {
  const { question, files } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const pending = useIsPending();
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={<Link to={`/app/questions/${question.id}`} className="hover:text-fg hover:underline">← {question.title}</Link>}
        title="Edit and re-verify"
        description="Your changes are checked in the sandbox like a new question. The draft changes only if every check passes; it then needs approval again."
      />
      <Form method="post" className="space-y-6">
        <FormError>{failure?.message}</FormError>
        <Card>
          <CardHeader title="Question" />
          <CardContent className="space-y-4">
            <TextField label="Title" name="title" required maxLength={120} defaultValue={question.title} />
            <TextField label="Minutes" name="estimatedMinutes" type="number" min={5} max={180} defaultValue={String(question.estimatedMinutes)} />
            <Textarea label="Statement (Markdown)" name="statement" rows={12} defaultValue={question.statement} />
          </CardContent>
        </Card>
        {SETS.map(({ key, title }) => (
          <Card key={key}>
            <CardHeader title={title} />
            <CardContent className="space-y-4">
              {files[key].map((file, i) => (
                <Textarea key={file.path} label={file.path} name={`${key}.${i}`} rows={10} className="font-mono text-xs" defaultValue={file.content} />
              ))}
            </CardContent>
          </Card>
        ))}
        <Button type="submit" pending={pending} pendingLabel="Starting verification…">Save and re-verify</Button>
      </Form>
    </div>
  );
}

export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
