import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, Outlet, useLoaderData, useParams } from "@remix-run/react";
import { Badge, Button, EmptyState, TextField, type BadgeTone } from "@interviewlm/ui";
import { readDevMailbox } from "~/.server/dev-mailbox";

export const meta: MetaFunction = () => [{ title: "Dev mailbox · InterviewLM" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const to = new URL(request.url).searchParams.get("to")?.trim() || undefined;
  return { to: to ?? "", ...(await readDevMailbox(context, to)) };
}

export const statusTone: Record<string, BadgeTone> = {
  QUEUED: "neutral",
  SENDING: "info",
  SENT: "success",
  DELIVERED: "success",
  BOUNCED: "danger",
  FAILED: "danger",
};

export default function DevMailbox() {
  const { to, messages, delivering } = useLoaderData<typeof loader>();
  const params = useParams();
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-7xl flex-col gap-4 p-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-lg font-semibold">Dev mailbox</h1>
          <p className="text-sm text-fg-muted">
            {delivering
              ? "Every message in the outbox, including those delivered through Resend."
              : "No RESEND_API_KEY is set, so mail stays here instead of being sent."}
          </p>
        </div>
        <Form method="get" className="flex items-end gap-2" role="search">
          <TextField label="Recipient" name="to" type="email" defaultValue={to} placeholder="someone@example.com" />
          <Button type="submit" variant="secondary">Filter</Button>
        </Form>
      </header>
      <div className="grid flex-1 gap-4 md:grid-cols-[minmax(0,22rem)_1fr]">
        <nav aria-label="Messages" className="rounded-lg border border-line">
          {messages.length === 0 ? (
            <EmptyState title="No mail yet" description={to ? `Nothing was sent to ${to}.` : "Sign up or invite someone and the email shows up here."} />
          ) : (
            <ul className="divide-y divide-line">
              {messages.map((m) => (
                <li key={m.id}>
                  <Link
                    to={`/dev/mailbox/${m.id}${to ? `?to=${encodeURIComponent(to)}` : ""}`}
                    aria-current={params.id === m.id ? "page" : undefined}
                    className="block px-3 py-2 text-sm hover:bg-surface-hover aria-[current=page]:bg-surface-active"
                  >
                    <span className="flex items-center justify-between gap-2">
                      <span className="truncate font-medium">{m.subject}</span>
                      <Badge tone={statusTone[m.status] ?? "neutral"}>{m.status.toLowerCase()}</Badge>
                    </span>
                    <span className="block truncate text-xs text-fg-muted">
                      to {m.toAddress} · {new Date(m.createdAt).toLocaleString()}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </nav>
        <section aria-label="Message" className="min-w-0">
          <Outlet />
        </section>
      </div>
    </main>
  );
}
