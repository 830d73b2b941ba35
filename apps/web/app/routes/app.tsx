// The signed-in area: requires a verified account, resolves the active organisation
// and renders the application shell around every /app page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { AppShell } from "~/components/app-shell";
import { TRPCProvider } from "~/lib/trpc";
import { requireVerifiedAuth } from "~/.server/session";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const me = await api.auth.me();
  if (!me) throw redirect("/login");
  const path = new URL(request.url).pathname;
  if (!me.activeOrganizationId && !path.startsWith("/app/organizations/new") && !path.startsWith("/app/settings")) {
    throw redirect("/app/organizations/new");
  }
  const active = me.organizations.find((o) => o.id === me.activeOrganizationId) ?? null;
  return {
    user: { name: me.user.name, email: me.user.email },
    organizations: me.organizations,
    activeOrganizationId: me.activeOrganizationId,
    role: active?.role ?? null,
  };
}

export default function AppLayout() {
  const { user, organizations, activeOrganizationId } = useLoaderData<typeof loader>();
  return (
    <TRPCProvider>
      <AppShell user={user} organizations={organizations} activeOrganizationId={activeOrganizationId}>
        <Outlet />
      </AppShell>
    </TRPCProvider>
  );
}
