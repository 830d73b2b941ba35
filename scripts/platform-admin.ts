// `npm run platform-admin -- grant <email>` / `-- revoke <email>`: makes an existing account a
// platform administrator (or not). The first administrator has no one to ask in the app.
// With embedded PGlite, stop `npm run dev` first: only one process may open its data.
import { grantPlatformAdminByEmail } from "@interviewlm/core/platform";
import { openDatabase, readDbEnv } from "@interviewlm/db";

const [action, email] = process.argv.slice(2);
if ((action !== "grant" && action !== "revoke") || !email) {
  console.error("Usage: npm run platform-admin -- grant|revoke <email>");
  process.exit(2);
}
const env = readDbEnv(process.env);
const db = await openDatabase({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DATA_DIR });
try {
  const user = await grantPlatformAdminByEmail(db.prisma, email, action === "grant");
  console.log(`${user.email} is ${action === "grant" ? "now" : "no longer"} a platform administrator (${db.describe}).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.close();
}
