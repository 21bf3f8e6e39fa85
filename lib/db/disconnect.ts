// Closing the database at the end of a command-line run: an open PostgreSQL pool would keep the
// process alive. Loaded lazily, so the door's other users (migrations, readiness) never make a client.

/** Closes the Prisma client's connections (the CLI, before it exits). */
export async function disconnect(): Promise<void> {
  const { prisma } = await import("./prisma");
  await prisma.$disconnect();
}
