// The candidate's interview page. Authorised by the invite link; reopening the link
// resumes the same session.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { Badge, Button, Card, CardContent, CardHeader, Spinner, buttonClasses } from "@interviewlm/ui";
import { useEffect, useState } from "react";
import { renderMarkdown } from "~/lib/markdown.server";
import { serverApi, toActionFailure } from "~/.server/api";

export const meta: MetaFunction = () => [{ title: "Interview · InterviewLM" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const { api } = await serverApi(request, context);
  let state;
  try {
    state = await api.interview.state({ token });
  } catch (error) {
    const failure = toActionFailure(error);
    throw new Response(failure.message, { status: failure.code === "NOT_FOUND" ? 404 : 403 });
  }
  const files =
    state.status === "ACTIVE" && state.workspaceId && context.services.sandbox
      ? await context.services.sandbox.listFiles(state.workspaceId).catch(() => null)
      : null;
  return {
    token,
    state: { ...state, currentQuestion: state.currentQuestion ? { ...state.currentQuestion, statementHtml: renderMarkdown(state.currentQuestion.statement) } : null },
    files: files?.filter((f) => f.type === "file").map((f) => f.path) ?? null,
  };
}

function useCountdown(remainingMs: number | null) {
  const [left, setLeft] = useState(remainingMs);
  useEffect(() => {
    if (remainingMs === null) return;
    const end = Date.now() + remainingMs;
    const timer = setInterval(() => setLeft(Math.max(0, end - Date.now())), 1000);
    return () => clearInterval(timer);
  }, [remainingMs]);
  return left;
}

const clock = (ms: number) => {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h > 0 ? `${h}:` : ""}${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
};

export default function InterviewPage() {
  const { token, state, files } = useLoaderData<typeof loader>();
  const left = useCountdown(state.remainingMs);
  const revalidator = useRevalidator();
  useEffect(() => {
    if (state.status !== "STARTING") return;
    const timer = setInterval(() => revalidator.revalidate(), 1500);
    return () => clearInterval(timer);
  }, [state.status, revalidator]);

  if (state.status === "NOT_STARTED") {
    return (
      <Centered title="Your interview has not started">
        <Link to={`/i/${encodeURIComponent(token)}`} className={buttonClasses({ variant: "primary" })}>Go to the start page</Link>
      </Centered>
    );
  }
  if (state.status === "STARTING") {
    return (
      <Centered title="Preparing your workspace…">
        <p role="status" className="flex items-center gap-2 text-sm text-fg-muted"><Spinner /> Setting up an isolated sandbox with your starter files.</p>
      </Centered>
    );
  }
  if (state.status === "FAILED") {
    return (
      <Centered title="Your workspace could not be prepared">
        <Form method="post" action={`/i/${encodeURIComponent(token)}/start`}>
          <Button type="submit">Try again</Button>
        </Form>
      </Centered>
    );
  }
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between border-b border-line px-4 py-2">
        <div className="text-sm">
          <span className="font-medium">{state.assessmentTitle}</span>
          <span className="text-fg-muted"> · {state.organizationName}</span>
        </div>
        <div className="flex items-center gap-3 text-sm">
          {state.currentQuestion ? <span className="text-fg-muted">Question {state.currentQuestion.position + 1} of {state.questionCount}</span> : null}
          <span role="timer" aria-label="Time left" className="rounded-md bg-surface-raised px-2 py-1 font-mono tabular-nums">
            {left === null ? "—" : clock(left)}
          </span>
        </div>
      </header>
      <main id="main" className="grid flex-1 gap-4 p-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        {state.currentQuestion ? (
          <Card>
            <CardHeader headingLevel={1} title={state.currentQuestion.title} actions={<Badge>{state.currentQuestion.difficulty.toLowerCase()}</Badge>} />
            <CardContent>
              <div className="prose-statement" dangerouslySetInnerHTML={{ __html: state.currentQuestion.statementHtml }} />
            </CardContent>
          </Card>
        ) : null}
        <Card>
          <CardHeader title="Your workspace" description={`${state.language} · isolated sandbox`} />
          <CardContent>
            {files ? (
              <ul className="space-y-1 font-mono text-sm" aria-label="Files">
                {files.map((path) => <li key={path}>{path}</li>)}
              </ul>
            ) : (
              <p className="text-sm text-fg-muted">The file list is unavailable right now.</p>
            )}
          </CardContent>
        </Card>
      </main>
    </div>
  );
}

function Centered({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-lg font-semibold">{title}</h1>
      {children}
    </main>
  );
}
