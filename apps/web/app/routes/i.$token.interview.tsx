// The candidate's interview page. Authorised by the invite link; reopening the link resumes
// the same session. While the interview is active the page is the live room (editor,
// terminal, tests); the loader also mints the short-lived room pass, and is re-run to renew it.
import { data, redirect, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { Button, Spinner, buttonClasses } from "@interviewlm/ui";
import { useCallback, useEffect } from "react";
import { CandidateRoom } from "~/features/interview/candidate-room";
import { ThankYou } from "~/features/interview/thank-you";
import { PORTAL_HEADERS } from "~/features/candidates/portal/portal.server";
import { failureResponse, serverApi, toActionFailure } from "~/.server/api";
import { linkProblemOf } from "~/.server/invite-links";
import { roomAccessForCandidate } from "~/.server/room";

export const meta: MetaFunction = () => [
  { title: "Interview · InterviewLM" },
  { name: "robots", content: "noindex, nofollow" },
  // The invite token is in this page's address: never send it on as a referrer.
  { name: "referrer", content: "no-referrer" },
];

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const { api } = await serverApi(request, context);
  let state;
  let room = null;
  try {
    state = await api.interview.state({ token });
    if (state.status === "ACTIVE") room = await roomAccessForCandidate(request, context, token);
  } catch (error) {
    // Completed, expired, revoked or superseded links: the portal page explains each one.
    if (linkProblemOf(error)) throw redirect(`/i/${encodeURIComponent(token)}`, { headers: PORTAL_HEADERS });
    const failure = toActionFailure(error);
    // Finished between the two calls: the page shows the thank-you screen.
    if (failure.code === "PRECONDITION_FAILED" && state) state = { ...state, status: "COMPLETED" as const };
    else throw failureResponse(failure);
  }
  const question = state.currentQuestion;
  return data({
    token,
    state: {
      status: state.status,
      candidateName: state.candidateName,
      organizationName: state.organizationName,
      assessmentTitle: state.assessmentTitle,
      deadlineAt: state.deadlineAt?.getTime() ?? null,
      question: question ? { ...question, count: state.questionCount } : null,
    },
    room,
  }, { headers: PORTAL_HEADERS });
}

export default function InterviewPage() {
  const { token, state, room } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  const revalidate = revalidator.revalidate;
  const refreshAccess = useCallback(() => {
    if (revalidator.state === "idle") revalidate();
  }, [revalidator.state, revalidate]);

  useEffect(() => {
    if (state.status !== "STARTING") return;
    const timer = setInterval(() => revalidate(), 1500);
    return () => clearInterval(timer);
  }, [state.status, revalidate]);

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
  if (state.status === "COMPLETED" || !room) {
    return <ThankYou candidateName={state.candidateName} organizationName={state.organizationName} />;
  }
  return (
    <CandidateRoom
      access={{ roomHost: room.roomHost, roomToken: room.roomToken, sessionId: room.sessionId }}
      candidateName={state.candidateName}
      organizationName={state.organizationName}
      assessmentTitle={state.assessmentTitle}
      initial={{ question: state.question, deadlineAt: state.deadlineAt }}
      refreshAccess={refreshAccess}
    />
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
