// One seeded database per test run, on the engine TEST_ENGINE names (sqlite by default).
import type { TestProject } from "vitest/node";
import { createPrisma } from "../lib/db/prisma";
import { seedDatabase } from "../prisma/seed/load";
import { freshDatabase, testEngine } from "./db";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const db = await freshDatabase(testEngine());
  const client = createPrisma(db.url);
  await seedDatabase(client);
  await client.$disconnect();
  project.provide("databaseUrl", db.url);
  return async () => {
    await db.drop();
  };
}
