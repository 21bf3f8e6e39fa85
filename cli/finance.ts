import { flags, CliError } from "./args";
import { prisma } from "../lib/db/prisma";
import { hashPassword } from "../lib/auth/password";
import { generatePassword } from "../lib/admin/accounts";
import { createFinanceInput } from "../lib/validations/accounts";

/**
 * `finance create --username NAME --name 姓名`: an account of the city finance bureau (role
 * finance: reads every department at /city, writes nothing, belongs to no department). The
 * installation makes these, not a department's admin (docs/decisions/009). The generated
 * password is printed once; the audit row says it came from the command line.
 */
export async function runFinance(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== "create") throw new CliError("finance takes create");
  const raw = flags(rest, { username: createFinanceInput.shape.username, name: createFinanceInput.shape.name });
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  try {
    if (await prisma.user.findUnique({ where: { username: raw.username } })) throw new CliError(`--username: ${raw.username} is taken`);
    await prisma.$transaction(async (tx) => {
      const u = await tx.user.create({ data: { username: raw.username, name: raw.name, role: "finance", departmentId: null, passwordHash } });
      await tx.auditLog.create({
        data: { action: "user.create", entity: "User", entityId: String(u.id), before: null, after: JSON.stringify({ username: u.username, name: u.name, role: u.role, departmentId: null, via: "cli" }) },
      });
    });
    process.stdout.write(`${raw.username}\t${password}\n`);
    process.stderr.write(`created the finance bureau account ${raw.username}; its password (shown once) is above\n`);
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}
