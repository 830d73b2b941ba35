// Every package the browser code imports must be named in vite.config.ts: pre-bundled
// (`optimizeDeps.include`) or deliberately left out (`optimizeDeps.exclude`). A package Vite
// discovers mid-session makes the dev server re-optimise and reload every open page — a
// candidate starting an interview on a fresh install saw the page reload under them.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const webRoot = fileURLToPath(new URL("..", import.meta.url));
const uiRoot = fileURLToPath(new URL("../../../packages/ui/src", import.meta.url));

/** Handled by the Remix plugin or compiled as workspace source, never pre-bundled. */
const handledElsewhere = [/^@interviewlm\//, /^@remix-run\//, /^react-router-dom(\/|$)/, /^react-dom\/server$/, /^isbot$/, /^node:/, /\.css$/];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === ".server" || name === "node_modules" ? [] : sourceFiles(path);
    if (!/\.(ts|tsx)$/.test(name) || /\.(test|server)\.(ts|tsx)$|test-setup\.ts$/.test(name) || name === "entry.server.tsx") return [];
    return [path];
  });
}

function runtimeImports(source: string): string[] {
  const specifiers: string[] = [];
  for (const match of source.matchAll(/^\s*import\s+(?!type\b)[^;]*?from\s+"([^"]+)"|^\s*import\s+"([^"]+)"|import\("([^"]+)"\)/gm)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (specifier && !specifier.startsWith(".") && !specifier.startsWith("~/")) specifiers.push(specifier);
  }
  return specifiers;
}

function listed(config: string, key: "include" | "exclude"): string[] {
  const block = new RegExp(`optimizeDeps:[\\s\\S]*?${key}:\\s*\\[([\\s\\S]*?)\\]`).exec(config)?.[1] ?? "";
  return [...block.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}

describe("Vite's pre-bundled dependencies", () => {
  it("name every package the browser code imports, so a first visit never reloads the page", () => {
    const config = readFileSync(join(webRoot, "vite.config.ts"), "utf8");
    const named = new Set([...listed(config, "include"), ...listed(config, "exclude")]);
    expect(named.size).toBeGreaterThan(20);

    const missing = new Map<string, string>();
    for (const file of [...sourceFiles(join(webRoot, "app")), ...sourceFiles(uiRoot)]) {
      for (const specifier of runtimeImports(readFileSync(file, "utf8"))) {
        if (handledElsewhere.some((pattern) => pattern.test(specifier)) || named.has(specifier)) continue;
        if (!missing.has(specifier)) missing.set(specifier, relative(webRoot, file));
      }
    }
    // Add each to optimizeDeps.include in apps/web/vite.config.ts (or to exclude if server-only).
    expect(Object.fromEntries(missing)).toEqual({});
  });
});
