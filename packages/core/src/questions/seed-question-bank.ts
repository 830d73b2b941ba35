import type { Prisma, PrismaClient } from "@interviewlm/db";
import { loadQuestionBank, QuestionBankError } from "./load-question-bank.ts";
import type { QuestionDefinition } from "./schemas.ts";

export interface SeedReport {
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Curated slugs no longer in the bank; their rows stay (assessments reference them). */
  retired: string[];
}

// Every web process seeds at start-up; the lock makes concurrent starts take turns instead
// of racing on the unique slug. Any fixed 64-bit number works as long as nobody else uses it.
const SEED_LOCK_KEY = 7_302_214_471_955_041n;

/**
 * Makes the curated questions in the database match the bank on disk: creates new slugs,
 * rewrites a question only when its content hash changed, un-retires slugs that came back
 * and retires curated slugs that disappeared. Never deletes: sessions and assessments keep
 * pointing at the questions they used. Idempotent; a second run reports everything unchanged.
 */
export async function seedQuestionBank(
  db: PrismaClient,
  definitions: readonly QuestionDefinition[] = loadQuestionBank(),
  options: { now?: () => Date } = {},
): Promise<SeedReport> {
  const now = options.now?.() ?? new Date();
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
      const report: SeedReport = { created: [], updated: [], unchanged: [], retired: [] };
      const existing = new Map(
        (await tx.question.findMany({
          where: { slug: { in: definitions.map((d) => d.slug) } },
          select: { slug: true, source: true, organizationId: true, contentHash: true, retiredAt: true },
        })).map((row) => [row.slug, row]),
      );
      for (const definition of definitions) {
        const row = existing.get(definition.slug);
        if (!row) {
          await tx.question.create({ data: { ...questionData(definition), slug: definition.slug, source: "CURATED" } });
          report.created.push(definition.slug);
        } else if (row.source !== "CURATED" || row.organizationId !== null) {
          throw new QuestionBankError(`Curated question "${definition.slug}" collides with an organisation's question of the same slug.`);
        } else if (row.contentHash !== definition.contentHash || row.retiredAt !== null) {
          await tx.question.update({ where: { slug: definition.slug }, data: { ...questionData(definition), retiredAt: null } });
          report.updated.push(definition.slug);
        } else {
          report.unchanged.push(definition.slug);
        }
      }
      const gone = await tx.question.findMany({
        where: { source: "CURATED", organizationId: null, retiredAt: null, slug: { notIn: definitions.map((d) => d.slug) } },
        select: { slug: true },
      });
      if (gone.length > 0) {
        await tx.question.updateMany({ where: { slug: { in: gone.map((q) => q.slug) } }, data: { retiredAt: now } });
        report.retired.push(...gone.map((q) => q.slug));
      }
      return report;
    },
    // Large JSON payloads on a cold database can exceed Prisma's 5 s default.
    { timeout: 60_000, maxWait: 30_000 },
  );
}

function questionData(definition: QuestionDefinition) {
  return {
    organizationId: null,
    title: definition.title,
    language: definition.language,
    difficulty: definition.difficulty,
    topics: definition.topics,
    estimatedMinutes: definition.estimatedMinutes,
    statement: definition.statement,
    starterFiles: definition.starterFiles,
    visibleTests: definition.visibleTests,
    hiddenTests: definition.hiddenTests,
    referenceSolution: definition.referenceSolution,
    contentHash: definition.contentHash,
  } satisfies Prisma.QuestionUncheckedUpdateInput;
}
