// "Your data" (the link at the end of every invitation and reminder): the candidate asks for a
// copy of what the organisation holds about them, or for its erasure. Either way a link goes by
// email to the address they were invited at — that is the verification (docs/decisions/0171,
// 0170); nothing is erased until the candidate follows the emailed link and confirms.
import { Button } from "@interviewlm/ui";
import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { serverApi, toActionFailure } from "~/.server/api";
import { PortalLayout } from "~/features/candidates/portal/portal-layout";
import { PORTAL_HEADERS } from "~/features/candidates/portal/portal.server";
import { loadDataLink } from "~/features/data-export/data-link.server";
import { DATA_LINK_PROBLEMS, DataLinkProblem } from "~/features/data-export/data-link-problem";
import { ErasureRequestSection } from "~/features/data-export/erasure-request-section";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const { api } = await serverApi(request, context);
  const page = await loadDataLink(async () => {
    const [view, erasure] = await Promise.all([api.dataExport.requestView({ token }), api.erasure.requestView({ token })]);
    return { ...view, erasure };
  });
  return data(page, { status: page.ok ? 200 : DATA_LINK_PROBLEMS[page.problem].status, headers: PORTAL_HEADERS });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await serverApi(request, context);
  const intent = (await request.formData()).get("intent") === "erase" ? ("erase" as const) : ("export" as const);
  try {
    const token = params.token ?? "";
    const sent = intent === "erase" ? await api.erasure.request({ token }) : await api.dataExport.request({ token });
    return data({ ok: true as const, intent, ...sent }, { headers: PORTAL_HEADERS });
  } catch (error) {
    const failure = toActionFailure(error);
    return data({ ok: false as const, intent, message: failure.message }, { status: failure.status, headers: PORTAL_HEADERS });
  }
}

export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => (actionHeaders.has("Cache-Control") ? actionHeaders : loaderHeaders);

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page?.ok ? `Your data · ${page.view.organizationName}` : "Your data · InterviewLM" },
  { name: "robots", content: "noindex, nofollow" },
  { name: "referrer", content: "no-referrer" },
];

export default function YourDataPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const pending = navigation.state === "submitting" && navigation.formData?.get("intent") !== "erase";
  const exportResult = result?.intent === "export" ? result : undefined;
  if (!page.ok) {
    return (
      <PortalLayout width="narrow">
        <DataLinkProblem problem={page.problem} />
      </PortalLayout>
    );
  }
  const { organizationName, candidateName, maskedEmail, erasure } = page.view;
  return (
    <PortalLayout width="narrow">
      <div className="space-y-4 rounded-xl border border-line bg-surface px-6 py-8 shadow-overlay">
        <h1 className="text-xl font-semibold tracking-tight text-fg">Your data held by {organizationName}</h1>
        <p className="text-sm text-fg-muted">
          Hi {candidateName}. You can get a copy of everything {organizationName} holds about you from your interview: your
          invitation, the interview session and its evaluation, the emails sent to you, the files you wrote and the recording,
          as one ZIP archive.
        </p>
        <p className="text-sm text-fg-muted">
          To make sure it is you, we email a download link to the address you were invited at ({maskedEmail}). The link works
          for 24 hours.
        </p>
        {exportResult?.ok ? (
          <p role="status" className="rounded-md border border-line bg-canvas px-3 py-2 text-sm text-fg">
            Sent. Check your inbox at {exportResult.sentTo} for “Your data held by {organizationName}”; the link in it works for {exportResult.expiresInHours} hours.
          </p>
        ) : (
          <Form method="post" className="space-y-3">
            {exportResult && !exportResult.ok ? (
              <p role="alert" className="rounded-md border border-danger-fg/30 bg-danger-soft px-3 py-2 text-sm text-danger-fg">
                {exportResult.message}
              </p>
            ) : null}
            <Button type="submit" name="intent" value="export" variant="primary" size="lg" className="w-full" pending={pending} pendingLabel="Sending…">
              Email me a download link
            </Button>
          </Form>
        )}
      </div>
      <ErasureRequestSection organizationName={organizationName} maskedEmail={maskedEmail} erasure={erasure} result={result?.intent === "erase" ? result : undefined} />
    </PortalLayout>
  );
}
