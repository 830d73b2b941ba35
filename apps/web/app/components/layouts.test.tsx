import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
// The router Remix itself renders with (same pinned version), used statically for SSR.
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { AppShell } from "./app-shell";
import { AuthLayout } from "./auth-layout";
import { PageHeader } from "./page-header";
import { SETTINGS_NAV_ITEMS, SettingsLayout } from "./settings-layout";

async function renderAt(path: string, element: ReactElement): Promise<string> {
  const handler = createStaticHandler([{ path: "*", element }]);
  const context = await handler.query(new Request(`http://localhost${path}`));
  if (context instanceof Response) throw new Error("unexpected redirect");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(<StaticRouterProvider router={router} context={context} hydrate={false} />);
}

const organizations = [
  { id: "org_acme", name: "Acme Robotics", role: "OWNER" },
  { id: "org_globex", name: "Globex", role: "VIEWER" },
];

function shell(activeOrganizationId: string | null = "org_acme") {
  return (
    <AppShell
      user={{ name: "Ada Lovelace", email: "ada@example.com" }}
      organizations={organizations}
      activeOrganizationId={activeOrganizationId}
    >
      <PageHeader title="Assessments" description="Everything you are hiring for." actions={<button>New</button>} />
    </AppShell>
  );
}

function navLinks(html: string, label: string): Array<{ href: string; current: boolean; text: string }> {
  const nav = new RegExp(`<nav aria-label="${label}"[^>]*>(.*?)</nav>`, "s").exec(html)?.[1] ?? "";
  return [...nav.matchAll(/<a\b([^>]*)>(.*?)<\/a>/gs)].map(([, attributes, inner]) => ({
    href: /href="([^"]+)"/.exec(attributes!)?.[1] ?? "",
    current: attributes!.includes('aria-current="page"'),
    text: inner!.replace(/<[^>]+>/g, ""),
  }));
}

describe("AppShell", () => {
  it("has a main landmark for the skip link, a top bar and the main navigation", async () => {
    const html = await renderAt("/app/assessments", shell());
    expect(html.match(/<main\b[^>]*id="main"/g)).toHaveLength(1);
    expect(html).toMatch(/<header\b/);
    expect(navLinks(html, "Main").map((link) => link.text)).toEqual([
      "Dashboard",
      "Assessments",
      "Candidates",
      "Live now",
      "Question bank",
      "Settings",
    ]);
  });

  it("marks only the current section as the current page (the dashboard only on /app itself)", async () => {
    const onList = navLinks(await renderAt("/app/assessments/abc", shell()), "Main");
    expect(onList.filter((link) => link.current).map((link) => link.href)).toEqual(["/app/assessments"]);
    const onDashboard = navLinks(await renderAt("/app", shell()), "Main");
    expect(onDashboard.filter((link) => link.current).map((link) => link.href)).toEqual(["/app"]);
  });

  it("has a labelled button that opens the navigation on small screens", async () => {
    const html = await renderAt("/app", shell());
    expect(html).toMatch(/<button[^>]*aria-label="Open navigation"[^>]*aria-haspopup="dialog"|<button[^>]*aria-haspopup="dialog"[^>]*aria-label="Open navigation"/);
  });

  it("names the active organisation and posts organizationId to /app/switch-organization", async () => {
    const html = await renderAt("/app", shell());
    expect(html).toMatch(/Organization: <\/span><span[^>]*>Acme Robotics<\/span>/);
    const forms = [...html.matchAll(/<form\b([^>]*)>(.*?)<\/form>/gs)].filter(([, attributes]) =>
      attributes!.includes('action="/app/switch-organization"'),
    );
    expect(forms).toHaveLength(organizations.length);
    for (const [index, [, attributes, inner]] of forms.entries()) {
      expect(attributes).toContain('method="post"');
      expect(inner).toContain(`name="organizationId" value="${organizations[index]!.id}"`);
    }
  });

  it("still renders for a user without an active organisation", async () => {
    const html = await renderAt("/app/settings", shell(null));
    expect(html).toContain("No organization");
  });

  it("offers log out as a POST form to /logout and names the account menu", async () => {
    const html = await renderAt("/app", shell());
    expect(html).toMatch(/<form[^>]*method="post"[^>]*action="\/logout"/);
    // The visible initials first (WCAG 2.5.3, label in name).
    expect(html).toMatch(/aria-label="AL, account menu for Ada Lovelace"/);
  });
});

describe("SettingsLayout", () => {
  it("lists the settings pages in a labelled nav and marks the current one", async () => {
    const html = await renderAt("/app/settings/sessions", <SettingsLayout>content</SettingsLayout>);
    const links = navLinks(html, "Settings");
    expect(links.map((link) => link.href)).toEqual(SETTINGS_NAV_ITEMS.map((item) => item.to));
    expect(links.filter((link) => link.current).map((link) => link.text)).toEqual(["Sessions"]);
  });
});

describe("AuthLayout", () => {
  it("renders the title as the only h1 inside main, with subtitle and footer", async () => {
    const html = await renderAt(
      "/login",
      <AuthLayout title="Log in" subtitle="Welcome back." footer={<p>New here?</p>}>
        <form />
      </AuthLayout>,
    );
    expect(html.match(/<h1\b[^>]*>(.*?)<\/h1>/g)).toEqual([expect.stringContaining("Log in")]);
    expect(html).toMatch(/<main\b[^>]*id="main"/);
    expect(html).toContain("Welcome back.");
    expect(html).toContain("New here?");
    expect(html).toMatch(/<a[^>]*href="\/"[^>]*>.*InterviewLM/s);
  });
});
