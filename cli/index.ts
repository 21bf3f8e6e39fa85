// `npm run -s cli -- <command>`: admin and automation commands. Documented in the README.
import { CliError } from "./args";
import { runExport } from "./export";
import { runTargetsEvaluate } from "./targets";
import { runToken } from "./token";
import { runReport } from "./report";
import { runRollover } from "./rollover";
import { runTables } from "./tables";
import { runBackup, runRestore } from "./backup";
import { runDepartment, runFinance } from "./installation";
import { runOnboard } from "./onboard";
import { env } from "../lib/env";
import { databaseNotReady, describeDatabase } from "../lib/db";

const usage = `usage:
  npm run -s cli -- export indicators [--year 2024] --format json|csv [--dept CODE]
  npm run -s cli -- targets evaluate   < lines of {"target": "...", "actual": "...", "indicator": "..."}
  npm run -s cli -- targets parse      < the same lines, "actual" optional (targets evaluate without actuals)
  npm run -s cli -- token create|revoke --user NAME
  npm run -s cli -- finance create --username NAME --name 姓名      (a city finance bureau account)
  npm run -s cli -- department create --code CODE --name 部门名称 --admin NAME --admin-name 姓名
  npm run -s cli -- onboard --file 部门预算.txt|.pdf [--dept CODE] [--year 2025] [--confirm] [--user NAME] [--format text|json]
  npm run -s cli -- report self-eval   [--year 2024] --project <code> | --department --format xlsx|pdf|csv|json --out FILE [--version N] [--layout id]
  npm run -s cli -- report monitoring [--year 2024] --project <code> | --department [--month 7] --format xlsx|pdf|csv|json --out FILE
  npm run -s cli -- tables export [--year 2024] --out FILE [--template] [--dept CODE]
  npm run -s cli -- tables import [--year 2024] --file FILE [--confirm] [--user NAME] [--format text|json] [--dept CODE]
  npm run -s cli -- backup  --out FILE [--force]     (SQLite; PostgreSQL: pg_dump)
  npm run -s cli -- restore --from FILE [--force]    (SQLite; stop the app first; PostgreSQL: pg_restore)
  npm run -s cli -- rollover --from 2024 --to 2025 [--projects code,code] [--user NAME] [--dept CODE]
  npm run -s cli -- report summary    [--year 2024] --format xlsx|pdf|csv|json --out FILE
  (--dept CODE names the department for export, report, tables and rollover when the installation has several)`;

/**
 * A command that reads or writes data runs only on a migrated database holding a department (the first
 * department and finance accounts need only the migrations); otherwise one line and exit 2.
 * It does not set the database up itself: a mistyped DATABASE_URL or another working directory
 * would silently get a new, seeded database, and an export from it would look like real data.
 */
async function withDatabase(run: () => Promise<number>, data = true): Promise<number> {
  const missing = await databaseNotReady(env.DATABASE_URL, { data });
  if (!missing) return run();
  process.stderr.write(`数据库尚未建立，请运行 npm run db:setup / the database ${describeDatabase(env.DATABASE_URL)} is not set up (${missing}): run npm run db:setup\n`);
  return 2;
}

async function main(argv: string[]): Promise<number> {
  const [a, b, ...rest] = argv;
  const tail = [b, ...rest].filter((x): x is string => x !== undefined);
  if (a === "export" && b === "indicators") return withDatabase(() => runExport(rest));
  if (a === "targets" && (b === "evaluate" || b === "parse")) return runTargetsEvaluate(rest);
  if (a === "token") return withDatabase(() => runToken(tail));
  if (a === "backup") return runBackup(tail);
  if (a === "restore") return runRestore(tail);
  if (a === "tables") return withDatabase(() => runTables(tail));
  if (a === "rollover") return withDatabase(() => runRollover(tail));
  if (a === "department") return withDatabase(() => runDepartment(tail), false);
  if (a === "finance") return withDatabase(() => runFinance(tail), false);
  if (a === "onboard") return withDatabase(() => runOnboard(tail), false);
  if (a === "report") return withDatabase(() => runReport(tail));
  throw new CliError(a ? `unknown command: ${[a, b].filter(Boolean).join(" ")}` : "no command given");
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    if (e instanceof CliError) {
      process.stderr.write(e.usage ? `error: ${e.message}\n${usage}\n` : `error: ${e.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    }
  },
);
