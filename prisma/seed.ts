// `npm run db:seed [-- --if-empty]`: load the 2024 document and demo accounts.
// Refuses to touch a database that already holds data (there is no wipe here).
import { env } from "../lib/env";
import { createPrisma } from "../lib/db/prisma";
import { isSeeded, seedDatabase } from "./seed/load";

const ifEmpty = process.argv.includes("--if-empty");
const db = createPrisma(env.DATABASE_URL);
try {
  if (await isSeeded(db)) {
    if (ifEmpty) console.log("seed: database already holds data; left unchanged");
    else {
      console.error("seed: the database already holds data; refusing to load it twice (use a new database)");
      process.exitCode = 1;
    }
  } else {
    const s = await seedDatabase(db);
    console.log(
      `seed: loaded 2024: ${s.indicators} indicators, ${s.goals} goal tables, ${s.projects} projects (${s.subProjects} second-level), ${s.orgs} organisations, ${s.users} demo accounts`,
    );
  }
} catch (e) {
  console.error(`seed: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
