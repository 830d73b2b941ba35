import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderToString } from "react-dom/server";
import { Outlet } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { AppShell } from "./app-shell";
import { describeSectionError } from "./section-error";
import { SectionErrorBoundary } from "./section-error-boundary";

describe("describeSectionError", () => {
  it("says different things for not found, not allowed, invalid and our own failure", () => {
    const titles = [404, 403, 400, 500].map((status) => describeSectionError("/app/assessments/a1", status, null).title);
    expect(new Set(titles).size).toBe(4);
    expect(describeSectionError("/app/assessments/a1", 404, null).message).toMatch(/deleted|wrong/);
    expect(describeSectionError("/app/platform", 403, "Only platform administrators can open this page.").message).toMatch(/^Only platform administrators.*owner or admin/);
    expect(describeSectionError("/app/live/x", 400, "That id is too long.").message).toBe("That id is too long.");
  });

  it("offers the way back to the page's section, then the dashboard; a failure also offers to try again", () => {
    expect(describeSectionError("/app/assessments/a1/edit", 404, null).next.map((n) => n.label)).toEqual(["Back to assessments", "Go to the dashboard"]);
    expect(describeSectionError("/app/settings/members", 403, null).next[0]).toEqual({ to: "/app/settings/profile", label: "Back to settings" });
    expect(describeSectionError("/app/candidates", 500, null).next).toEqual([
      { to: "/app/candidates", label: "Try again", reload: true },
      { to: "/app", label: "Go to the dashboard" },
    ]);
  });

  it("never shows an unexpected error's details", () => {
    const view = describeSectionError("/app", 500, null);
    expect(view.message).not.toMatch(/boom|stack/i);
  });
});

describe("SectionErrorBoundary", () => {
  async function renderFailing(path: string, loader: () => never) {
    const handler = createStaticHandler([
      {
        path: "/app",
        element: (
          <AppShell user={{ name: "Ada Lovelace", email: "ada@example.com" }} organizations={[{ id: "o1", name: "Acme", role: "OWNER" }]} activeOrganizationId="o1">
            <Outlet />
          </AppShell>
        ),
        children: [{ path: "*", loader, element: <p>the page</p>, errorElement: <SectionErrorBoundary /> }],
      },
    ]);
    const context = await handler.query(new Request(`http://localhost${path}`));
    if (context instanceof Response) throw new Error("unexpected redirect");
    return renderToString(<StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} />);
  }

  it("renders a nested page's loader failure inside the app shell, with its navigation and a next step", async () => {
    const html = await renderFailing("/app/assessments/a1", () => {
      throw new Error("database exploded");
    });
    expect(html).toContain('aria-label="Main"'); // the shell's navigation is still there
    expect(html).toContain("Something went wrong on our side");
    expect(html).toContain("Try again");
    expect(html).toContain("Back to assessments");
    expect(html).not.toContain("database exploded");
  });

  it("tells a thrown 403 apart from a 404", async () => {
    const forbidden = await renderFailing("/app/platform", () => {
      throw new Response("Only platform administrators can open this page.", { status: 403 });
    });
    const missing = await renderFailing("/app/questions/q1", () => {
      throw new Response("Question not found", { status: 404 });
    });
    expect(forbidden).toContain("You don&#x27;t have access to this");
    expect(forbidden).toContain("Only platform administrators can open this page.");
    expect(missing).toContain("Not found");
    expect(missing).toContain("Back to the question bank");
  });
});

describe("pages inside /app", () => {
  it("each export the section error boundary, so a new page cannot lose the shell on an error", () => {
    const routesDir = fileURLToPath(new URL("../routes", import.meta.url));
    const pages = readdirSync(routesDir).filter((file) => /^app\..+\.tsx$/.test(file) && !file.endsWith(".test.tsx"));
    const withComponent = pages.filter((file) => /export default function/.test(readFileSync(join(routesDir, file), "utf8")));
    const missing = withComponent.filter((file) => !readFileSync(join(routesDir, file), "utf8").includes("SectionErrorBoundary as ErrorBoundary"));
    expect(withComponent.length).toBeGreaterThan(10);
    // The settings layout only wraps its pages; their boundaries render inside it.
    expect(missing).toEqual(["app.settings.tsx"]);
  });
});
