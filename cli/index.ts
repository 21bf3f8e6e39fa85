// `npm run -s cli -- <command>`: admin and automation commands. Documented in the README.
import { CliError } from "./args";
import { runExport } from "./export";
import { runTargetsEvaluate } from "./targets";
import { runToken } from "./token";
import { runReport } from "./report";

const usage = `usage:
  npm run -s cli -- export indicators --year 2024 --format json|csv
  npm run -s cli -- targets evaluate   < lines of {"target": "...", "actual": "...", "indicator": "..."}
  npm run -s cli -- token create|revoke --user NAME
  npm run -s cli -- report self-eval --year 2024 --project <code> --format xlsx|json|csv --out FILE`;

async function main(argv: string[]): Promise<number> {
  const [a, b, ...rest] = argv;
  if (a === "export" && b === "indicators") return runExport(rest);
  if (a === "targets" && b === "evaluate") return runTargetsEvaluate(rest);
  if (a === "token") return runToken([b, ...rest].filter((x): x is string => x !== undefined));
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
