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

const usage = `usage:
  npm run -s cli -- export indicators [--year 2024] --format json|csv
  npm run -s cli -- targets evaluate   < lines of {"target": "...", "actual": "...", "indicator": "..."}
  npm run -s cli -- token create|revoke --user NAME
  npm run -s cli -- finance create --username NAME --name 姓名      (a city finance bureau account)
  npm run -s cli -- department create --code CODE --name 部门名称 --admin NAME --admin-name 姓名
  npm run -s cli -- report self-eval   [--year 2024] --project <code> | --department --format xlsx|pdf|csv|json --out FILE [--version N] [--layout id]
  npm run -s cli -- report monitoring [--year 2024] --project <code> | --department [--month 7] --format xlsx|pdf|csv|json --out FILE
  npm run -s cli -- tables export [--year 2024] --out FILE [--template] [--dept CODE]
  npm run -s cli -- tables import [--year 2024] --file FILE [--confirm] [--user NAME] [--format text|json] [--dept CODE]
  npm run -s cli -- backup  --out FILE [--force]     (SQLite; PostgreSQL: pg_dump)
  npm run -s cli -- restore --from FILE [--force]    (SQLite; stop the app first; PostgreSQL: pg_restore)
  npm run -s cli -- rollover --from 2024 --to 2025 [--projects code,code] [--user NAME] [--dept CODE]
  npm run -s cli -- report summary    [--year 2024] --format xlsx|pdf|csv|json --out FILE
  (--dept CODE names the department for report, tables and rollover when the installation has several)`;

async function main(argv: string[]): Promise<number> {
  const [a, b, ...rest] = argv;
  if (a === "export" && b === "indicators") return runExport(rest);
  if (a === "targets" && b === "evaluate") return runTargetsEvaluate(rest);
  if (a === "token") return runToken([b, ...rest].filter((x): x is string => x !== undefined));
  if (a === "backup") return runBackup([b, ...rest].filter((x): x is string => x !== undefined));
  if (a === "restore") return runRestore([b, ...rest].filter((x): x is string => x !== undefined));
  if (a === "tables") return runTables([b, ...rest].filter((x): x is string => x !== undefined));
  if (a === "rollover") return runRollover([b, ...rest].filter((x): x is string => x !== undefined));
  if (a === "department") return runDepartment([b, ...rest].filter((x): x is string => x !== undefined));
  if (a === "finance") return runFinance([b, ...rest].filter((x): x is string => x !== undefined));
  if (a === "report") return runReport([b, ...rest].filter((x): x is string => x !== undefined));
  throw new CliError(a ? `unknown command: ${[a, b].filter(Boolean).join(" ")}` : "no command given");
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    if (e instanceof CliError) {
      process.stderr.write(`error: ${e.message}\n${usage}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    }
  },
);
