// The signed-in area: requires a verified account, resolves the active organisation
// and renders the application shell around every /app page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { AppShell } from "~/components/app-shell";
import { APP_NAV_ITEMS, type AppNavItem } from "~/components/app-nav";
import { CreditCard, ShieldCheck } from "@interviewlm/ui/icons";
import { permissionsFor } from "@interviewlm/auth/permissions";
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
    user: { name: me.user.name, email: me.user.email, isPlatformAdmin: me.user.isPlatformAdmin },
    organizations: me.organizations,
    activeOrganizationId: me.activeOrganizationId,
    role: active?.role ?? null,
    // Once, from the permission table: every page asks `usePermissions().can(...)`.
    permissions: active ? permissionsFor(active.role) : [],
  };
}

// Sections appear in the navigation as they ship; the rest of APP_NAV_ITEMS follows.
const SHIPPED_SECTIONS = new Set(["/app", "/app/assessments", "/app/candidates", "/app/live", "/app/questions", "/app/settings"]);
const navItems = APP_NAV_ITEMS.filter((item) => SHIPPED_SECTIONS.has(item.to));
const PLATFORM_ITEM: AppNavItem = { to: "/app/platform", label: "Platform", icon: ShieldCheck };
// Owners and admins only (billing:read); others never see the entry.
const BILLING_ITEM: AppNavItem = { to: "/app/billing", label: "Billing", icon: CreditCard };

export default function AppLayout() {
  const { user, organizations, activeOrganizationId, permissions } = useLoaderData<typeof loader>();
  const items = permissions.includes("billing:read") ? [...navItems.slice(0, -1), BILLING_ITEM, ...navItems.slice(-1)] : navItems;
  return (
    <TRPCProvider>
      <AppShell user={user} organizations={organizations} activeOrganizationId={activeOrganizationId} navItems={user.isPlatformAdmin ? [...items, PLATFORM_ITEM] : items}>
        <Outlet />
      </AppShell>
    </TRPCProvider>
  );
}
