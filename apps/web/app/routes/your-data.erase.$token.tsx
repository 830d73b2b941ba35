// The page behind the emailed erasure confirmation link (docs/decisions/0170). Erasing is a
// button (a POST), not the link itself: mail scanners open links, and this cannot be undone.
import { Button } from "@interviewlm/ui";
import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, type ShouldRevalidateFunction } from "@remix-run/react";
import { serverApi, toActionFailure } from "~/.server/api";
import { PortalLayout } from "~/features/candidates/portal/portal-layout";
import { PORTAL_HEADERS } from "~/features/candidates/portal/portal.server";
import { loadDataLink } from "~/features/data-export/data-link.server";
import { DATA_LINK_PROBLEMS, DataLinkProblem } from "~/features/data-export/data-link-problem";
import { ErasedList } from "~/features/data-export/erasure-request-section";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await serverApi(request, context);
  const page = await loadDataLink(() => api.erasure.confirmView({ token: params.token ?? "" }));
  return data(page, { status: page.ok ? 200 : DATA_LINK_PROBLEMS[page.problem].status, headers: PORTAL_HEADERS });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await serverApi(request, context);
  try {
    const outcome = await api.erasure.confirm({ token: params.token ?? "" });
    return data({ ok: true as const, status: outcome.status }, { headers: PORTAL_HEADERS });
  } catch (error) {
    const failure = toActionFailure(error);
    return data({ ok: false as const, message: failure.message }, { status: failure.status, headers: PORTAL_HEADERS });
  }
}

// Once erased, the link names no one: reloading the page would only say "not valid".
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) => (actionResult?.ok ? false : defaultShouldRevalidate);

export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => (actionHeaders.has("Cache-Control") ? actionHeaders : loaderHeaders);

export const meta: MetaFunction = () => [
  { title: "Erase your data · InterviewLM" },
  { name: "robots", content: "noindex, nofollow" },
  { name: "referrer", content: "no-referrer" },
];

export default function EraseYourDataPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  if (result?.ok) {
    return (
      <PortalLayout width="narrow">
        <div role="status" className="space-y-3 rounded-xl border border-line bg-surface px-6 py-8 text-center shadow-overlay">
          <h1 className="text-xl font-semibold tracking-tight text-fg">{result.status === "erased" ? "Your data has been erased" : "Your data is being erased"}</h1>
          <p className="text-sm text-fg-muted">
            {result.status === "erased"
              ? "Nothing that names you is left from this interview, and the links in your emails no longer work."
              : "A storage service did not answer just now; the erasure is recorded and will be finished automatically. Nothing more is needed from you."}
          </p>
        </div>
      </PortalLayout>
    );
  }
  if (!page.ok) {
    return (
      <PortalLayout width="narrow">
        <DataLinkProblem problem={page.problem} />
      </PortalLayout>
    );
  }
  const { organizationName, candidateName, refusal, inProgress, removes } = page.view;
  return (
    <PortalLayout width="narrow">
      <div className="space-y-4 rounded-xl border border-line bg-surface px-6 py-8 shadow-overlay">
        <h1 className="text-xl font-semibold tracking-tight text-fg">Erase your data held by {organizationName}</h1>
        <p className="text-sm text-fg">Hi {candidateName}.</p>
        {inProgress ? (
          <p role="status" className="text-sm text-fg">Your data is being erased. Nothing more is needed from you.</p>
        ) : (
          <>
            <ErasedList organizationName={organizationName} removes={removes} />
            {refusal ? (
              <p className="rounded-md border border-line bg-canvas px-3 py-2 text-sm text-fg">{refusal}</p>
            ) : (
              <Form method="post" className="space-y-3">
                {result && !result.ok ? (
                  <p role="alert" className="rounded-md border border-danger-fg/30 bg-danger-soft px-3 py-2 text-sm text-danger-fg">
                    {result.message}
                  </p>
                ) : null}
                <Button type="submit" variant="danger" size="lg" className="w-full" pending={pending} pendingLabel="Erasing…">
                  Erase my data
                </Button>
              </Form>
            )}
          </>
        )}
      </div>
    </PortalLayout>
  );
}
