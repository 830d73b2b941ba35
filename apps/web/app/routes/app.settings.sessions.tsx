import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Badge, Button, Card, CardContent, CardHeader, FormError, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@interviewlm/ui";
import { describeUserAgent } from "~/features/auth/describe-user-agent";
import { useIsPending } from "~/lib/forms";
import { toActionFailure } from "~/.server/api";
import { formValues, redirectWith, requireAuth } from "~/.server/session";

export const meta: MetaFunction = () => [{ title: "Sessions · Settings · InterviewLM" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api } = await requireAuth(request, context);
  return { sessions: await api.auth.sessions() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api, resHeaders } = await requireAuth(request, context);
  const values = formValues(await request.formData());
  try {
    if (values.intent === "everywhere") {
      await api.auth.logOutEverywhere();
      return redirectWith("/login", resHeaders);
    }
    await api.auth.revokeSession({ sessionId: values.sessionId ?? "" });
    return resHeaders.has("set-cookie") ? redirectWith("/login", resHeaders) : redirect("/app/settings/sessions");
  } catch (error) {
    return toActionFailure(error);
  }
}

export default function SessionSettings() {
  const { sessions } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const everywherePending = useIsPending({ intent: "everywhere" });
  return (
    <Card>
      <CardHeader
        headingLevel={1}
        title="Sessions"
        description="Browsers and devices signed in to your account. Sessions end after 7 days without use."
        actions={
          <Form method="post">
            <Button type="submit" name="intent" value="everywhere" variant="danger" pending={everywherePending} pendingLabel="Logging out…">
              Log out everywhere
            </Button>
          </Form>
        }
      />
      <CardContent>
        <FormError>{failure?.message}</FormError>
        <Table caption="Your active sessions" hideCaption>
          <TableHead>
            <TableRow>
              <TableHeaderCell>Device</TableHeaderCell>
              <TableHeaderCell>IP address</TableHeaderCell>
              <TableHeaderCell>Last active</TableHeaderCell>
              <TableHeaderCell>Signed in</TableHeaderCell>
              <TableHeaderCell><span className="sr-only">Actions</span></TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {sessions.map((s) => (
              <TableRow key={s.id}>
                <TableCell>
                  {describeUserAgent(s.userAgent)} {s.current ? <Badge tone="accent">This browser</Badge> : null}
                </TableCell>
                <TableCell>{s.ipAddress ?? "—"}</TableCell>
                <TableCell>{new Date(s.lastUsedAt).toLocaleString()}</TableCell>
                <TableCell>{new Date(s.createdAt).toLocaleDateString()}</TableCell>
                <TableCell className="text-right">
                  <Form method="post">
                    <input type="hidden" name="sessionId" value={s.id} />
                    <Button type="submit" size="sm" variant="secondary" aria-label={`Log out ${s.current ? "this browser" : describeUserAgent(s.userAgent)}`}>
                      Log out
                    </Button>
                  </Form>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}

// Errors render inside the app shell, with a next step (see the component).
export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
