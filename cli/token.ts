import { z } from "zod";
import { flags, CliError } from "./args";
import { disconnect } from "../lib/db";
import { cliFailure } from "../lib/actions";
import { setApiToken } from "../lib/admin";

/** `token create --user NAME`: a new API token for /api/v1 (printed once; only its hash is kept). */
export async function runToken(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== "create" && verb !== "revoke") throw new CliError("token takes create or revoke");
  const opts = flags(rest, { user: z.string().min(1).max(64) });
  try {
    const r = await setApiToken({ username: opts.user, action: verb });
    if ("error" in r) {
      if (r.error.code === "not_found") throw new CliError(`no user named ${opts.user}`);
      return cliFailure(r.error, (s) => process.stderr.write(s));
    }
    const { token, username } = r.data;
    process.stdout.write(token ? `${token}\n` : `revoked the API token of ${username}\n`);
    return 0;
  } finally {
    await disconnect();
  }
}
