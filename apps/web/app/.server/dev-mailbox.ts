import type { AppLoadContext } from "@remix-run/node";

/** The dev mailbox shows every organisation's mail: only where it is switched on. */
export function requireDevMailbox(context: AppLoadContext): void {
  if (!context.services.devMailbox) throw new Response("Not found", { status: 404 });
}
