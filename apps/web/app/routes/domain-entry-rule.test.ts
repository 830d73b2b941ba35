// The entry rule of docs/decisions/0002, as lint enforces it: ESLint with the repository's own
// config runs over fixture route modules placed (virtually) where real ones live.
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });
const ENTRY_RULES = new Set(["@typescript-eslint/no-restricted-imports", "no-restricted-syntax"]);

async function entryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${repoRoot}apps/web/${file}` });
  return (result?.messages ?? []).filter((message) => message.ruleId && ENTRY_RULES.has(message.ruleId)).map((message) => message.message);
}

const pageCallingAService = `
import { listCandidates } from "@interviewlm/core/candidates";
import type { LoaderFunctionArgs } from "@remix-run/node";
export async function loader({ context }: LoaderFunctionArgs) {
  return listCandidates(context.services.deps, { userId: "u", organizationId: "o", role: "OWNER" }, {});
}
`;

const pageReadingPrisma = `
import type { LoaderFunctionArgs } from "@remix-run/node";
export async function loader({ context }: LoaderFunctionArgs) {
  return context.services.db.prisma.candidate.findMany();
}
`;

describe("lint enforces the entry to the domain", () => {
  it("refuses a page route that imports a core service", async () => {
    const errors = await entryErrors("app/routes/app.fixture.tsx", pageCallingAService);
    expect(errors).toEqual([expect.stringMatching(/'@interviewlm\/core\/candidates' import is restricted[\s\S]*tRPC server callers/)]);
  });

  it("refuses a page route that reaches Prisma through the load context", async () => {
    const errors = await entryErrors("app/routes/app.fixture.tsx", pageReadingPrisma);
    expect(errors).toEqual([expect.stringMatching(/never reach the database through the load context/)]);
  });

  it("refuses the database taken from the load context by destructuring or by name", async () => {
    const ways = [
      `export async function loader({ context }: LoaderFunctionArgs) {\n  const { db } = context.services;\n  return db.prisma.candidate.findMany();\n}`,
      `export async function loader({ context }: LoaderFunctionArgs) {\n  const { deps } = context.services;\n  return deps.db.candidate.findMany();\n}`,
      `export async function loader({ context }: LoaderFunctionArgs) {\n  const { services } = context;\n  return services["db"].prisma.candidate.findMany();\n}`,
      `export async function loader({ context: { services: { db } } }: LoaderFunctionArgs) {\n  return db.prisma.candidate.findMany();\n}`,
    ];
    for (const body of ways) {
      const errors = await entryErrors("app/routes/app.fixture.tsx", `import type { LoaderFunctionArgs } from "@remix-run/node";\n${body}\n`);
      expect(errors, body).toEqual([expect.stringMatching(/never reach the database through the load context/)]);
    }
  });

  it("lets a page read the load context's other services", async () => {
    const code = `import type { LoaderFunctionArgs } from "@remix-run/node";
export async function loader({ context }: LoaderFunctionArgs) {
  const { devMailbox, deps } = context.services;
  return { devMailbox, roomHost: deps.roomHost, url: context.services.env.APP_URL };
}
`;
    expect(await entryErrors("app/routes/app.fixture.tsx", code)).toEqual([]);
  });

  it("refuses the database package in a page's feature module", async () => {
    const errors = await entryErrors("app/features/fixture/list.server.ts", `import { openDatabase } from "@interviewlm/db";\nexport const open = openDatabase;\n`);
    expect(errors).toHaveLength(1);
  });

  it("lets pages use core's client-safe schema modules and types", async () => {
    const code = `
import { CANDIDATE_STATUSES } from "@interviewlm/core/candidates/schemas";
import type { PortalView } from "@interviewlm/core/candidates";
export const statuses: readonly string[] = CANDIDATE_STATUSES;
export type View = PortalView;
`;
    expect(await entryErrors("app/routes/app.fixture.tsx", code)).toEqual([]);
  });

  it("lets machine-to-machine endpoints and the adapter layer call services", async () => {
    expect(await entryErrors("app/routes/internal.fixture.ts", pageCallingAService)).toEqual([]);
    expect(await entryErrors("app/routes/webhooks.fixture.ts", pageReadingPrisma)).toEqual([]);
    expect(await entryErrors("app/.server/fixture.ts", pageReadingPrisma)).toEqual([]);
  });
});
