// The portal's system check fetches this to prove the browser can reach the app and back
// (a resource route: Remix cannot speak WebSocket, the room's own check comes with the room).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isSignedInviteToken } from "~/.server/invite-links";
import { PORTAL_HEADERS } from "~/features/candidates/portal/portal.server";

export async function loader({ params, context }: LoaderFunctionArgs) {
  const ok = await isSignedInviteToken(context, params.token ?? "");
  return Response.json(ok ? { ok: true, serverTime: new Date().toISOString() } : { ok: false }, {
    status: ok ? 200 : 404,
    headers: PORTAL_HEADERS,
  });
}
