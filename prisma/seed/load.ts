// Writes the 2024 document (and demo accounts) into an empty database, in one transaction.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Db } from "../../lib/db/prisma";
import { hashPassword } from "../../lib/auth";
import { newTarget } from "../../lib/indicator/client";
import { buildCatalogue } from "./catalogue";
import { factory } from "./factories";
import { DATA_DIR, extractDocument, wanToYuan } from "./document";

const accountsSchema = z.array(
  z.object({
    username: z.string(),
    name: z.string(),
    role: z.enum(["admin", "manager", "evaluator", "reporter", "finance"]),
    password: z.string().min(8),
    orgs: z.array(z.string()),
  }),
);

export type SeedSummary = { orgs: number; projects: number; subProjects: number; goals: number; indicators: number; users: number };

export async function isSeeded(db: Db): Promise<boolean> {
  return (await db.department.count()) > 0;
}

export async function seedDatabase(db: Db, year = 2024): Promise<SeedSummary> {
  // Read from the published text by the extractor; prisma/data/<year>/*.json stays as its answer key
  // (lib/onboard/extract.test.ts checks the two agree exactly).
  const doc = extractDocument(year);
  const cat = buildCatalogue(doc);
  const accounts = accountsSchema.parse(JSON.parse(readFileSync(path.join(DATA_DIR, "demo-accounts.json"), "utf8")));
  // Hash before the transaction: scrypt is deliberately slow.
  const hashed = await Promise.all(accounts.map(async (a) => ({ ...a, hash: await hashPassword(a.password) })));

  return db.$transaction(
    async (tx) => {
      // The rows tests build too (the year, the department, offices, accounts) go through the
      // same builders; the document's tables are written as they are read.
      const build = factory(tx);
      await build.year(year, "open");
      const deptOrg = cat.orgs[0];
      const dept = await build.department({ code: deptOrg.code ?? "503", name: deptOrg.name });
      const d = doc.table11.department;
      await tx.departmentProfile.create({
        data: {
          departmentId: dept.id,
          year,
          filler: d.filler ?? null,
          phone: d.phone ?? null,
          overview: d.overview ?? null,
          tasks: d.tasks ?? null,
          detailJson: JSON.stringify({ funds: d.funds, projects: d.projects }),
        },
      });

      const orgId = new Map<number, number>(); // provisional id → database id
      for (const [i, o] of cat.orgs.entries()) {
        const row = await build.office({
          departmentId: dept.id,
          code: o.code ?? null,
          name: o.name,
          shortName: o.shortName ?? null,
          kind: o.kind,
          parentId: o.parentId == null ? null : orgId.get(o.parentId),
          sortOrder: i,
        });
        orgId.set(o.id, row.id);
      }
      const idOf = (provisional: number) => {
        const id = orgId.get(provisional);
        if (id == null) throw new Error(`organisation ${provisional} was not created`);
        return id;
      };
      await tx.orgAlias.createMany({ data: cat.aliases.map((a) => ({ alias: a.alias, organizationId: idOf(a.orgId) })) });
      const orgByName = new Map(cat.orgs.map((o) => [o.name, o.id]));
      const orgByCode = new Map(cat.orgs.filter((o) => o.code).map((o) => [o.code as string, o.id]));

      let subProjects = 0;
      const projectId = new Map<string, number>();
      for (const p of cat.projects) {
        const { fund_sources, total_budget, current_budget, budget_history, ...header } = p.table12.project;
        const row = await tx.project.create({
          data: {
            departmentId: dept.id,
            year,
            code: p.code,
            name: p.name,
            tableNo: p.tableNo,
            sortOrder: p.sortOrder,
            category: str(header.category),
            attribute: str(header.attribute),
            executingUnitText: p.table12.project.executing_unit,
            lead: str(header.lead),
            startYear: str(header.start_year),
            endYear: str(header.end_year),
            reason: str(header.reason),
            content: str(header.content),
            totalBudget: total_budget,
            currentBudget: current_budget,
            currentBudgetYuan: p.currentBudgetYuan,
            budgetHistory: budget_history ?? null,
            detailJson: JSON.stringify({ ...header, fund_sources, executingOrgIds: p.executingOrgIds.map(idOf) }),
            amountsJson: JSON.stringify(p.table10.amounts),
          },
        });
        projectId.set(p.code, row.id);
        for (const [i, c] of p.table10.children.entries()) {
          const unit = orgByName.get(c.unit);
          await tx.subProject.create({
            data: {
              projectId: row.id,
              code: c.code,
              name: c.name,
              unitText: c.unit,
              unitId: unit == null ? null : idOf(unit),
              sortOrder: i + 1,
              totalYuan: wanToYuan(c.amounts.total) ?? 0,
              amountsJson: JSON.stringify(c.amounts),
            },
          });
          subProjects++;
        }
      }

      const goalId = new Map<string, number>();
      for (const [i, g] of cat.goals.entries()) {
        const row = await tx.goal.create({
          data: {
            departmentId: dept.id,
            projectId: g.projectCode ? projectId.get(g.projectCode) : null,
            year,
            tableNo: g.tableNo,
            term: g.term,
            goalNo: g.goalNo,
            text: g.text,
            sortOrder: i + 1,
          },
        });
        goalId.set(g.key, row.id);
      }

      for (const ind of cat.indicators) {
        const row = await tx.indicator.create({
          data: {
            goalId: goalId.get(ind.goalKey) as number,
            year,
            tableNo: ind.tableNo,
            term: ind.term,
            sortOrder: ind.sortOrder,
            level1: ind.level1,
            level2: ind.level2,
            level3: ind.level3,
            namePrinted: ind.namePrinted,
            officeText: ind.officeText,
            basis: ind.basis,
            ...newTarget(ind.targetText, ind.level3),
          },
        });
        if (ind.history.length)
          await tx.indicatorValue.createMany({ data: ind.history.map((h) => ({ indicatorId: row.id, ...h })) });
        if (ind.orgIds.length)
          await tx.indicatorOrg.createMany({
            data: ind.orgIds.map((o) => ({ indicatorId: row.id, organizationId: idOf(o), role: "lead" })),
          });
      }

      for (const a of hashed) {
        const orgs = a.orgs.map((k) => {
          const id = orgByCode.get(k) ?? orgByName.get(k);
          if (id == null) throw new Error(`demo-accounts.json: ${a.username}: unknown organisation ${k}`);
          return idOf(id);
        });
        await build.user({
          username: a.username,
          name: a.name,
          role: a.role,
          // The finance bureau reads every department and belongs to none.
          departmentId: a.role === "finance" ? null : dept.id,
          passwordHash: a.hash,
          orgIds: orgs,
        });
      }
      await tx.auditLog.create({
        data: { action: "seed", entity: "Year", entityId: String(year), after: JSON.stringify({ indicators: cat.indicators.length }) },
      });
      return {
        orgs: cat.orgs.length,
        projects: cat.projects.length,
        subProjects,
        goals: cat.goals.length,
        indicators: cat.indicators.length,
        users: hashed.length,
      };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

function str(v: unknown): string | null {
  return typeof v === "string" && v.trim() !== "" ? v : null;
}
