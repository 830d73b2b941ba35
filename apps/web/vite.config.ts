import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig, type Plugin } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  // Types loaders/actions for single fetch (v3_singleFetch), as the Remix docs require.
  interface Future {
    v3_singleFetch: true;
  }
}

/**
 * Packages that must never reach the browser: they hold secrets, open sockets or need Node.
 * Remix already refuses `*.server.*` files and `.server/` folders in the client; this covers
 * bare package imports that a route or component could pull in by mistake.
 */
export const SERVER_ONLY_IMPORTS: readonly RegExp[] = [
  /^@interviewlm\/db(\/|$)/,
  /^node:/,
  /^stripe(\/|$)/,
  /^@node-rs\/argon2(\/|$)/,
  /^pg(\/|$)/,
  /^@electric-sql\/pglite(\/|$)/,
];

/** Fails the client build (and the dev request) when a server-only package is imported. */
export function clientBundleGuard(denied: readonly RegExp[] = SERVER_ONLY_IMPORTS): Plugin {
  let root = "";
  return {
    name: "interviewlm:client-bundle-guard",
    enforce: "pre",
    // The client bundle is what ships; in development Remix's style crawler walks server
    // modules through the client graph too, which would trip the guard on every page.
    apply: "build",
    configResolved(config) {
      root = config.root;
    },
    resolveId(source, importer, options) {
      // The dependency scanner reads route files before Remix strips loaders and actions,
      // so an import used only on the server would look like a client import there.
      // `scan` is set by Vite's optimizer but missing from the public hook type.
      const scanning = (options as { scan?: boolean }).scan === true;
      if (options.ssr || scanning || !importer) return null;
      const rule = denied.find((pattern) => pattern.test(source));
      if (!rule) return null;
      const from = importer.startsWith(root) ? importer.slice(root.length + 1) : importer;
      this.error(
        `Server-only import "${source}" reached the client bundle from ${from} (rule ${rule}). ` +
          `Move it into a *.server.ts module or app/.server/ and call it from a loader or action.`,
      );
    },
  };
}

// Vitest loads this file too; the Remix plugin is meant for app builds, not unit tests.
const isVitest = process.env.VITEST === "true";

export default defineConfig({
  plugins: [
    clientBundleGuard(),
    tailwindcss(),
    !isVitest &&
      remix({
        ignoredRouteFiles: ["**/*.test.{ts,tsx}", "**/*.css"],
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
        },
      }),
    tsconfigPaths(),
  ],
  // Workspace packages export TypeScript source, so Vite has to compile them for SSR too.
  ssr: { noExternal: [/^@interviewlm\//] },
  // One copy each: two Reacts break hooks, two Yjs break document identity checks.
  resolve: { dedupe: ["react", "react-dom", "yjs", "y-protocols"] },
  // Pre-bundled up front: discovering these mid-session makes Vite reload with a second
  // copy of React in the browser ("Invalid hook call").
  optimizeDeps: {
    include: [
      "react",
      "react-dom",
      "react-dom/client",
      "@tanstack/react-query",
      "@trpc/client",
      "@trpc/react-query",
      "superjson",
      "yjs",
      "y-protocols/awareness",
      "y-partykit/provider",
      "partysocket",
      "y-codemirror.next",
      "codemirror",
      "@codemirror/state",
      "@codemirror/view",
      "@codemirror/language",
      "@codemirror/lang-python",
      "@codemirror/lang-go",
      "@codemirror/lang-java",
      "@codemirror/legacy-modes/mode/ruby",
      "@codemirror/lang-cpp",
      "@codemirror/lang-rust",
      "@codemirror/lang-javascript",
      "@codemirror/lang-markdown",
      "@codemirror/lang-json",
      "@codemirror/commands",
      "@codemirror/search",
      "@codemirror/autocomplete",
      "@codemirror/theme-one-dark",
      "@xterm/xterm",
      "@xterm/addon-fit",
      "lucide-react",
      "@radix-ui/react-dialog",
      "@radix-ui/react-dropdown-menu",
      "@radix-ui/react-tabs",
      "@radix-ui/react-toast",
      "@radix-ui/react-tooltip",
      "zod",
      "marked",
      "@lezer/highlight",
    ],
    // Server-only packages imported by loaders: the scanner finds them in route files (and
    // Remix's dev style crawler walks server modules through the client graph), and optimising
    // them for the browser would reload the page mid-visit — a fresh clone's first email
    // verification was reloaded that way. The fresh-clone check fails if a dependency is
    // still discovered late.
    exclude: [
      "@node-rs/argon2",
      "@prisma/adapter-pg",
      "@prisma/client",
      "@prisma/driver-adapter-utils",
      "@prisma/schema-engine-wasm",
      "@electric-sql/pglite",
      "pglite-prisma-adapter",
      "pg",
      "arctic",
      "@oslojs/crypto",
      "@oslojs/encoding",
      "resend",
      "@react-email/components",
      "@react-email/render",
      "@trpc/server",
      "@remix-run/node",
      "sanitize-html",
      "modal",
      "node-pty",
      "stripe",
      "@anthropic-ai/sdk",
      "fflate",
      "@xterm/headless",
      "@xterm/addon-serialize",
    ],
  },
  server: { port: 3000 },
  build: { target: "es2022" },
});
