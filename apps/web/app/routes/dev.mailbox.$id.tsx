import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge } from "@interviewlm/ui";
import { readDevMailboxMessage } from "~/.server/dev-mailbox";
import { statusTone } from "./dev.mailbox";

export async function loader({ context, params }: LoaderFunctionArgs) {
  const message = await readDevMailboxMessage(context, params.id ?? "");
  if (!message) throw new Response(`Message ${params.id} was not found.`, { status: 404 });
  return { message };
}

export default function MailboxMessage() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <article className="flex h-full flex-col gap-3 rounded-lg border border-line p-4">
      <header className="space-y-1">
        <h2 className="text-base font-semibold">{message.subject}</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm text-fg-muted">
          <dt>From</dt>
          <dd>{message.fromAddress}</dd>
          <dt>To</dt>
          <dd>{message.toAddress}</dd>
          <dt>Status</dt>
          <dd>
            <Badge tone={statusTone[message.status] ?? "neutral"}>{message.status.toLowerCase()}</Badge>
            {message.lastError ? <span className="ml-2 text-danger">{message.lastError}</span> : null}
          </dd>
        </dl>
      </header>
      {/* Sandboxed iframe: the email's HTML never runs scripts or touches the app. */}
      <iframe
        title={`Email: ${message.subject}`}
        srcDoc={message.html}
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        className="h-[60vh] w-full rounded-md bg-white"
      />
      <details className="rounded-md border border-line">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium">Plain-text version</summary>
        <pre className="overflow-auto whitespace-pre-wrap p-3 text-sm" data-testid="email-text">{message.text}</pre>
      </details>
    </article>
  );
}
