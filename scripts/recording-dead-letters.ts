// `npm run recording:dead-letters -- list [--all] | show <id> | retry <id>|--all`: the
// recording events the ingest refused for good, set aside by the rooms (docs/decisions/0060).
// A retry sends the kept request body through the same idempotent ingest: run it once the
// cause is fixed (a web app that now knows a new event type, a session restored…).
// With embedded PGlite, stop `npm run dev` first: only one process may open its data.
import { listRecordingDeadLetters, recordingDeadLetterBody, retryRecordingDeadLetter, type RecordingDeadLetterSummary } from "@interviewlm/core/interviews";
import { openDatabase, readDbEnv, type PrismaClient } from "@interviewlm/db";

const USAGE = "Usage: npm run recording:dead-letters -- list [--all] | show <id> | retry <id> | retry --all";

function describe(letter: RecordingDeadLetterSummary): string {
  const state = letter.resolvedAt ? `resolved ${letter.resolvedAt.toISOString()}` : letter.retryError ? `open, last retry failed: ${letter.retryError}` : "open";
  return [
    `${letter.id}  session ${letter.sessionId}  seq ${letter.firstSeq}–${letter.lastSeq} (${letter.events} events, ${letter.bytes} bytes)  set aside ${letter.createdAt.toISOString()}`,
    `    refused with ${letter.status}: ${letter.reason}`,
    `    ${state}`,
  ].join("\n");
}

async function run(prisma: PrismaClient, [command, argument]: string[]): Promise<number> {
  if (command === "list") {
    const letters = await listRecordingDeadLetters(prisma, { includeResolved: argument === "--all" });
    console.log(letters.length === 0 ? "No dead letters." : letters.map(describe).join("\n"));
    return 0;
  }
  if (command === "show" && argument) {
    process.stdout.write(`${await recordingDeadLetterBody(prisma, argument)}\n`);
    return 0;
  }
  if (command === "retry" && argument) {
    const ids = argument === "--all" ? (await listRecordingDeadLetters(prisma)).map((letter) => letter.id) : [argument];
    let failed = 0;
    for (const id of ids) {
      const outcome = await retryRecordingDeadLetter(prisma, id);
      if (outcome.ok) console.log(`${id}: stored (${outcome.inserted} new, ${outcome.duplicates} already there)`);
      else console.log(`${id}: still refused — ${outcome.error}`);
      if (!outcome.ok) failed++;
    }
    console.log(`${ids.length - failed} of ${ids.length} stored.`);
    return failed === 0 ? 0 : 1;
  }
  console.error(USAGE);
  return 2;
}

const env = readDbEnv(process.env);
const db = await openDatabase({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DATA_DIR });
try {
  process.exitCode = await run(db.prisma, process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.close();
}
