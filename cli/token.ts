import { randomBytes } from "node:crypto";
import { z } from "zod";
import { flags, CliError } from "./args";
import { prisma } from "../lib/db/prisma";
import { audited, cliFailure } from "../lib/actions";
import { hashToken } from "../lib/auth";

/** `token create --user NAME`: a new API token for /api/v1 (printed once; only its hash is kept). */
export async function runToken(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== "create" && verb !== "revoke") throw new CliError("token takes create or revoke");
  const opts = flags(rest, { user: z.string().min(1).max(64) });
  try {
    const user = await prisma.user.findUnique({ where: { username: opts.user } });
    if (!user) throw new CliError(`no user named ${opts.user}`);
    const token = verb === "create" ? randomBytes(32).toString("base64url") : null;
    // The installation acts (no account): mutate's write without its session checks.
    const r = await audited({ userId: null, departmentId: null }, async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { apiTokenHash: token ? hashToken(token) : null } });
      return { data: null, audit: { action: verb === "create" ? "token.create" : "token.revoke", entity: "User", entityId: String(user.id), before: undefined, after: { username: user.username, via: "cli" } } };
    });
    if ("error" in r) return cliFailure(r.error, (s) => process.stderr.write(s));
    process.stdout.write(token ? `${token}\n` : `revoked the API token of ${user.username}\n`);
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}
