// @vitest-environment node
import { clientBundleGuard } from "../../vite.config.ts";
import { fileURLToPath } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { createServer, type ViteDevServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CREDIT_PACKS } from "~/components/marketing/pricing-plans";
import { FAQ_ITEMS } from "~/components/marketing/faq-items";

/*
 * Renders real documents through the app's own Vite config and Remix server build (the
 * same path the Express dev server uses), so root.tsx, meta and the route are all covered.
 */
const appRoot = fileURLToPath(new URL("../..", import.meta.url));
let vite: ViteDevServer;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  // vite.config.ts leaves the Remix plugin out under Vitest; this test needs it.
  const vitestFlag = process.env.VITEST;
  delete process.env.VITEST;
  try {
    vite = await createServer({
      root: appRoot,
      configFile: `${appRoot}/vite.config.ts`,
      logLevel: "error",
      appType: "custom",
      server: { middlewareMode: true, hmr: false, watch: null },
      // Only SSR runs here; skip the browser dependency pre-bundling scan.
      optimizeDeps: { noDiscovery: true, include: [] },
    });
  } finally {
    process.env.VITEST = vitestFlag;
  }
  const build = (await vite.ssrLoadModule("virtual:remix/server-build")) as ServerBuild;
  const handler = createRequestHandler(build, "development");
  handle = (request) => handler(request, {} as never);
}, 120_000);

afterAll(async () => {
  await vite?.close();
});

async function render(path: string) {
  const response = await handle(new Request(`http://localhost:3000${path}`, { headers: { "user-agent": "Googlebot" } }));
  return { status: response.status, html: await response.text() };
}

function attr(html: string, pattern: RegExp): string | undefined {
  return pattern.exec(html)?.[1];
}

describe("landing page document", () => {
  it("is served with status 200 as an English document with a skip link to <main id=main>", async () => {
    const { status, html } = await render("/");
    expect(status).toBe(200);
    expect(html).toMatch(/<html lang="en"/);
    expect(html).toMatch(/<a href="#main"[^>]*>Skip to content<\/a>/);
    expect(html.match(/<main\b[^>]*id="main"/g)).toHaveLength(1);
  });

  it("has the landmarks header, labelled navs, main and footer, and exactly one h1", async () => {
    const { html } = await render("/");
    expect(html.match(/<header\b/g)?.length).toBeGreaterThanOrEqual(1);
    expect(html).toMatch(/<nav aria-label="Primary"/);
    expect(html).toMatch(/<nav aria-label="Footer"/);
    expect(html.match(/<footer\b/g)).toHaveLength(1);
    expect(html.match(/<h1\b/g)).toHaveLength(1);
    expect(attr(html, /<h1[^>]*>(.*?)<\/h1>/s)).toMatch(/build software/);
  });

  it("never skips a heading level", async () => {
    const { html } = await render("/");
    const levels = [...html.matchAll(/<h([1-6])\b/g)].map((match) => Number(match[1]));
    expect(levels[0]).toBe(1);
    levels.slice(1).forEach((level, index) => expect(level).toBeLessThanOrEqual(levels[index]! + 1));
  });

  it("hides every icon from assistive tech and names every link", async () => {
    const { html } = await render("/");
    const svgs = html.match(/<svg\b[^>]*>/g) ?? [];
    expect(svgs.length).toBeGreaterThan(0);
    for (const svg of svgs) expect(svg).toContain('aria-hidden="true"');
    for (const [, attributes, inner] of html.matchAll(/<a\b([^>]*)>(.*?)<\/a>/gs)) {
      const text = inner!.replace(/<[^>]+>/g, "").trim();
      expect(text || /aria-label="[^"]+"/.exec(attributes!)?.[0], `link ${attributes}`).toBeTruthy();
    }
  });

  it("offers Start free (to /signup) and Sign in (to /login)", async () => {
    const { html } = await render("/");
    expect(html).toMatch(/<a[^>]*href="\/signup"[^>]*>Start free/);
    expect(html).toMatch(/<a[^>]*href="\/login"[^>]*>Sign in/);
  });

  it("has the sections, the credit rule, every pack and a native FAQ accordion", async () => {
    const { html } = await render("/");
    for (const id of ["features", "how-it-works", "pricing", "security", "faq"]) expect(html).toContain(`id="${id}"`);
    expect(html).toContain("1 credit = 1 completed-or-started assessment.");
    expect(html).toContain("the credit returns to your balance automatically");
    for (const pack of CREDIT_PACKS) expect(html).toContain(`>${pack.name}</h3>`);
    expect(html.match(/<details\b/g)).toHaveLength(FAQ_ITEMS.length);
    expect(html.match(/<summary\b/g)).toHaveLength(FAQ_ITEMS.length);
  });

  it("carries title, description, canonical, Open Graph, Twitter and JSON-LD meta", async () => {
    const { html } = await render("/");
    expect(attr(html, /<title>(.*?)<\/title>/)).toContain("InterviewLM");
    expect(attr(html, /<meta name="description" content="([^"]+)"/)?.length).toBeGreaterThan(50);
    expect(attr(html, /<link rel="canonical" href="([^"]+)"/)).toBe("http://localhost:3000/");
    for (const property of ["og:title", "og:description", "og:url", "og:type", "og:image"]) {
      expect(html).toMatch(new RegExp(`<meta property="${property}" content="[^"]+"`));
    }
    expect(html).toMatch(/<meta name="twitter:card" content="summary_large_image"/);

    const jsonLd = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map(
      (match) => JSON.parse(match[1]!) as { "@type": string; offers?: unknown[]; mainEntity?: unknown[] },
    );
    const app = jsonLd.find((entry) => entry["@type"] === "SoftwareApplication");
    const faq = jsonLd.find((entry) => entry["@type"] === "FAQPage");
    expect(app?.offers).toHaveLength(CREDIT_PACKS.length);
    expect(faq?.mainEntity).toHaveLength(FAQ_ITEMS.length);
  });
});

describe("unknown URLs", () => {
  it("get a 404 status and the not-found page, not indexed", async () => {
    const { status, html } = await render("/no/such/page");
    expect(status).toBe(404);
    expect(html).toContain("Page not found");
    expect(html.match(/<h1\b/g)).toHaveLength(1);
    expect(html).toMatch(/<meta name="robots" content="noindex"/);
  });
});

// The guard applies to builds only (see vite.config.ts), so it is exercised directly with
// the context Vite gives plugins during a client build.
describe("client bundle guard (vite.config.ts)", () => {
  const importer = `${appRoot}/app/routes/_index.tsx`;
  const guard = clientBundleGuard();
  const resolve = (specifier: string, ssr: boolean) => {
    (guard.configResolved as (config: { root: string }) => void)({ root: appRoot });
    const context = { error: (message: string) => { throw new Error(message); } };
    return (guard.resolveId as unknown as (this: unknown, s: string, i: string, o: { ssr: boolean; scan: boolean }) => unknown).call(context, specifier, importer, { ssr, scan: false });
  };

  it.each(["@interviewlm/db", "node:fs", "stripe", "@node-rs/argon2", "pg", "@electric-sql/pglite"])(
    "refuses %s in the browser build",
    (specifier) => {
      expect(() => resolve(specifier, false)).toThrow(/Server-only import/);
    },
  );

  it("lets the server build import them and the browser import UI code", () => {
    expect(resolve("node:fs", true)).toBeNull();
    expect(resolve("@interviewlm/ui", false)).toBeNull();
  });

  it("is a build-only plugin", () => {
    expect(guard.apply).toBe("build");
  });
});
