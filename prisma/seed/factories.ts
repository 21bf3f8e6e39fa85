// The one way to build rows: the seed loader (the department, its offices and the demo accounts),
// the integration tests, the system tests' fixtures. Each builder writes one row (with the links a
// caller nearly always wants) through whatever client it is given — the app's, a test database's,
// a transaction's, on either engine — with defaults that satisfy the schema and unique codes and
// usernames, so test files never collide with each other or with the seeded document.
//
// A factory remembers what it built; `drop()` removes exactly that, with the rows the application
// wrote on top of it (reports on a built indicator, audit rows of a built account, everything in a
// built department), and puts back an API token it set on an account it did not build. So a test
// builds what it needs instead of changing the seeded rows and restoring them afterwards.
import { randomBytes } from "node:crypto";
import type { Db } from "../../lib/db/prisma";
import type { Department, Goal, Indicator, Organization, Period, Prisma, Project, Report, SubProject, Year } from "../../lib/db/generated/sqlite/client";
import { asCurrentUser, hashPassword, hashToken, type CurrentUser, type Role } from "../../lib/auth/client";
import { newTarget } from "../../lib/indicator/client";

/** What the builders need of a client: the app's, another database's, or a transaction's. */
export type FactoryClient = Pick<
  Db,
  | "year"
  | "department"
  | "departmentProfile"
  | "organization"
  | "orgAlias"
  | "project"
  | "subProject"
  | "goal"
  | "indicator"
  | "indicatorOrg"
  | "indicatorValue"
  | "targetRevision"
  | "user"
  | "userOrg"
  | "period"
  | "report"
  | "evidence"
  | "auditLog"
  | "budgetExecution"
  | "evaluation"
  | "evaluationVersion"
  | "departmentSummary"
  | "summaryVersion"
  | "$executeRaw"
>;

/** An office linked to an indicator: its id (lead), or the id with its role. */
export type OfficeLink = number | { organizationId: number; role: "lead" | "support" };

// Unique per process and per factory call: usernames and codes never meet another file's.
const RUN = `${process.pid.toString(36)}${randomBytes(2).toString("hex")}`;
let serial = 0;
/** A name no other built row (in this run or another) has: `${prefix}-<run>-<n>`. */
export const unique = (prefix: string) => `${prefix}-${RUN}-${++serial}`;

export type Factory = ReturnType<typeof factory>;

export function factory(db: FactoryClient) {
  const built = {
    years: [] as number[],
    departments: [] as number[],
    offices: [] as number[],
    aliases: [] as number[],
    projects: [] as number[],
    subProjects: [] as number[],
    goals: [] as number[],
    indicators: [] as number[],
    users: [] as number[],
    reports: [] as number[],
    periods: [] as number[],
    tokens: [] as { userId: number; before: string | null }[],
  };
  /** Departments the factory wrote into without building them: their city lines go stale on drop. */
  const touched = new Set<number>();
  const into = (departmentId: number | null | undefined) => {
    if (departmentId != null && !built.departments.includes(departmentId)) touched.add(departmentId);
  };

  return {
    /** The year row (status open); created only when missing, and then dropped. */
    async year(year: number, status: "open" | "closed" = "open"): Promise<Year> {
      const found = await db.year.findUnique({ where: { year } });
      if (found) return found;
      const row = await db.year.create({ data: { year, status } });
      built.years.push(year);
      return row;
    },

    /** A department; with `profileYear`, its 表11 profile for that year. Dropped with everything in it. */
    async department(o: { code?: string; name?: string; profileYear?: number; overview?: string } = {}): Promise<Department> {
      const code = o.code ?? unique("dept");
      const row = await db.department.create({ data: { code, name: o.name ?? `测试部门${code}` } });
      built.departments.push(row.id);
      if (o.profileYear != null) await db.departmentProfile.create({ data: { departmentId: row.id, year: o.profileYear, detailJson: "{}", overview: o.overview ?? null } });
      return row;
    },

    /** An office (a division unless `kind` says otherwise), with its aliases. */
    async office(o: { departmentId: number; name?: string; shortName?: string | null; code?: string | null; kind?: "department" | "unit" | "division"; parentId?: number | null; sortOrder?: number; aliases?: string[] }): Promise<Organization> {
      const name = o.name ?? unique("测试处");
      const row = await db.organization.create({
        data: { departmentId: o.departmentId, code: o.code ?? null, name, shortName: o.shortName ?? null, kind: o.kind ?? "division", parentId: o.parentId ?? null, sortOrder: o.sortOrder ?? 0 },
      });
      built.offices.push(row.id);
      into(o.departmentId);
      for (const alias of o.aliases ?? []) await this.alias(row.id, alias);
      return row;
    },

    /** Another name an office is known by (office matching on import and onboarding). */
    async alias(organizationId: number, alias: string) {
      const row = await db.orgAlias.create({ data: { alias, organizationId } });
      built.aliases.push(row.id);
      return row;
    },

    /**
     * An account with its offices, as the server sees it once signed in. A `password` is hashed as
     * the app hashes it (lib/auth/password.ts); `passwordHash` takes one hashed beforehand (the seed
     * hashes outside its transaction); with neither, no password signs the account in.
     */
    async user(o: { role: Role; departmentId: number | null; orgIds?: number[]; username?: string; name?: string; password?: string; passwordHash?: string; disabled?: boolean }): Promise<CurrentUser> {
      const username = o.username ?? unique(o.role);
      const passwordHash = o.passwordHash ?? (o.password != null ? await hashPassword(o.password) : "!");
      const row = await db.user.create({
        data: {
          username,
          name: o.name ?? `测试${o.role} ${username}`,
          role: o.role,
          departmentId: o.departmentId,
          passwordHash,
          disabled: o.disabled ?? false,
          orgs: { create: (o.orgIds ?? []).map((organizationId) => ({ organizationId })) },
        },
        include: { orgs: true },
      });
      built.users.push(row.id);
      into(o.departmentId);
      return asCurrentUser(row);
    },

    /** An API token for an account, as `cli token create` makes one (only its sha256 is stored). */
    async token(user: { id: number } | { username: string }): Promise<string> {
      const token = randomBytes(32).toString("base64url");
      const where = "id" in user ? { id: user.id } : { username: user.username };
      const before = await db.user.findUniqueOrThrow({ where, select: { id: true, apiTokenHash: true } });
      await db.user.update({ where: { id: before.id }, data: { apiTokenHash: hashToken(token) } });
      if (!built.users.includes(before.id)) built.tokens.push({ userId: before.id, before: before.apiTokenHash });
      return token;
    },

    /** A project (表12) of a department's year. */
    async project(o: { departmentId: number; year?: number; code?: string; name?: string } & Partial<Omit<Prisma.ProjectUncheckedCreateInput, "departmentId">>): Promise<Project> {
      const { departmentId, year = 2024, code, name, ...rest } = o;
      const row = await db.project.create({
        data: { departmentId, year, code: code ?? unique("proj"), name: name ?? "测试项目", tableNo: "12-1", sortOrder: ++serial, detailJson: "{}", amountsJson: "{}", ...rest },
      });
      built.projects.push(row.id);
      into(departmentId);
      return row;
    },

    /** A second-level project (表10) of a project. */
    async subProject(o: { projectId: number } & Partial<Omit<Prisma.SubProjectUncheckedCreateInput, "projectId">>): Promise<SubProject> {
      const { projectId, ...rest } = o;
      const row = await db.subProject.create({ data: { projectId, code: unique("sub"), name: "测试二级项目", unitText: "测试处", sortOrder: ++serial, totalYuan: 1_000_000, amountsJson: "{}", ...rest } });
      built.subProjects.push(row.id);
      return row;
    },

    /** A goal table: a project's (表12, from `project`) or the department's own (表11). */
    async goal(o: { departmentId: number; project?: Pick<Project, "id" | "year" | "tableNo"> } & Partial<Omit<Prisma.GoalUncheckedCreateInput, "departmentId">>): Promise<Goal> {
      const { departmentId, project, ...rest } = o;
      const row = await db.goal.create({
        data: { departmentId, projectId: project?.id ?? null, year: project?.year ?? 2024, tableNo: project?.tableNo ?? "11", term: "annual", text: "测试目标", sortOrder: ++serial, ...rest },
      });
      built.goals.push(row.id);
      into(departmentId);
      return row;
    },

    /**
     * An indicator of a goal table, its target parsed from `targetText` as the seed parses it (the
     * parse's columns can be given instead), linked to `orgs` (lead offices unless said).
     */
    async indicator(o: { goal: Pick<Goal, "id" | "year" | "tableNo" | "term">; targetText?: string; level3?: string; orgs?: OfficeLink[] } & Partial<Omit<Prisma.IndicatorUncheckedCreateInput, "goalId" | "targetText" | "level3">>): Promise<Indicator> {
      const { goal, targetText = "≥100人", level3 = unique("测试指标"), orgs = [], ...rest } = o;
      const row = await db.indicator.create({
        data: { goalId: goal.id, year: goal.year, tableNo: goal.tableNo, term: goal.term, sortOrder: ++serial, level1: "产出指标", level2: "数量指标", level3, namePrinted: level3, ...newTarget(targetText, level3), ...rest },
      });
      built.indicators.push(row.id);
      if (orgs.length)
        await db.indicatorOrg.createMany({ data: orgs.map((l) => (typeof l === "number" ? { indicatorId: row.id, organizationId: l, role: "lead" } : { indicatorId: row.id, ...l })) });
      return row;
    },

    /** A monthly report of an office on an indicator, written by `by` (a draft of 2024-01 unless said). */
    async report(o: { indicatorId: number; organizationId: number; by: number } & Partial<Omit<Prisma.ReportUncheckedCreateInput, "indicatorId" | "organizationId">>): Promise<Report> {
      const { by, ...rest } = o;
      const row = await db.report.create({ data: { year: 2024, month: 1, valueText: "10", value: 10, createdById: by, updatedById: by, ...rest } });
      built.reports.push(row.id);
      return row;
    },

    /** A reporting period (months are global: every department's); its deadline the 10th of the next month. */
    async period(o: { year: number; month: number; deadline?: Date; closed?: boolean; reopened?: boolean }): Promise<Period> {
      const deadline = o.deadline ?? new Date(Date.UTC(o.year, o.month, 10));
      const row = await db.period.create({ data: { year: o.year, month: o.month, deadline, closed: o.closed ?? false, reopened: o.reopened ?? false } });
      built.periods.push(row.id);
      return row;
    },

    /** What this factory built, by kind (ids; years by number). */
    built,

    /**
     * Removes what this factory built and what the application wrote on it, children first; puts
     * back API tokens it set on other accounts; marks the city lines of departments it wrote into
     * out of date (decision 012), as the application's own writes do.
     */
    async drop(): Promise<void> {
      for (const departmentId of built.departments) await dropDepartment(db, departmentId);
      const indicatorId = { in: built.indicators };
      const reports = { OR: [{ id: { in: built.reports } }, { indicatorId }, { organizationId: { in: built.offices } }] };
      await db.evidence.deleteMany({ where: { report: reports } });
      await db.report.deleteMany({ where: reports });
      await db.targetRevision.deleteMany({ where: { indicatorId } });
      await db.indicatorValue.deleteMany({ where: { indicatorId } });
      await db.indicatorOrg.deleteMany({ where: { OR: [{ indicatorId }, { organizationId: { in: built.offices } }] } });
      await db.indicator.deleteMany({ where: { id: indicatorId } });
      await db.goal.deleteMany({ where: { id: { in: built.goals } } });
      await db.budgetExecution.deleteMany({ where: { OR: [{ projectId: { in: built.projects } }, { subProjectId: { in: built.subProjects } }] } });
      await db.subProject.deleteMany({ where: { OR: [{ id: { in: built.subProjects } }, { projectId: { in: built.projects } }] } });
      await db.project.deleteMany({ where: { id: { in: built.projects } } });
      await db.userOrg.deleteMany({ where: { OR: [{ userId: { in: built.users } }, { organizationId: { in: built.offices } }] } });
      await db.auditLog.deleteMany({ where: { OR: [{ userId: { in: built.users } }, { entity: "User", entityId: { in: built.users.map(String) } }] } });
      await db.user.deleteMany({ where: { id: { in: built.users } } });
      for (const t of built.tokens.reverse()) await db.user.update({ where: { id: t.userId }, data: { apiTokenHash: t.before } });
      await db.orgAlias.deleteMany({ where: { OR: [{ id: { in: built.aliases } }, { organizationId: { in: built.offices } }] } });
      // Children before their parents.
      for (const id of [...built.offices].reverse()) await db.organization.deleteMany({ where: { id } });
      await db.period.deleteMany({ where: { id: { in: built.periods } } });
      await db.year.deleteMany({ where: { year: { in: built.years } } });
      for (const departmentId of touched)
        await db.$executeRaw`INSERT INTO "SummaryVersion" ("departmentId", "shard", "version") VALUES (${departmentId}, 0, 1)
          ON CONFLICT ("departmentId", "shard") DO UPDATE SET "version" = "SummaryVersion"."version" + 1`;
      for (const list of Object.values(built)) list.length = 0;
      touched.clear();
    },
  };
}

/** Everything in a department the factory built: its tables, reports, accounts, offices, lines. */
async function dropDepartment(db: FactoryClient, departmentId: number): Promise<void> {
  const indicatorId = { in: (await db.indicator.findMany({ where: { goal: { departmentId } }, select: { id: true } })).map((i) => i.id) };
  const userId = { in: (await db.user.findMany({ where: { departmentId }, select: { id: true } })).map((u) => u.id) };
  const organizationId = { in: (await db.organization.findMany({ where: { departmentId }, select: { id: true } })).map((o) => o.id) };
  const reports = { OR: [{ indicatorId }, { organizationId }] };
  await db.evidence.deleteMany({ where: { report: reports } });
  await db.report.deleteMany({ where: reports });
  await db.targetRevision.deleteMany({ where: { indicatorId } });
  await db.indicatorOrg.deleteMany({ where: { OR: [{ indicatorId }, { organizationId }] } });
  await db.indicatorValue.deleteMany({ where: { indicatorId } });
  await db.indicator.deleteMany({ where: { id: indicatorId } });
  await db.goal.deleteMany({ where: { departmentId } });
  const projectId = { in: (await db.project.findMany({ where: { departmentId }, select: { id: true } })).map((p) => p.id) };
  await db.budgetExecution.deleteMany({ where: { projectId } });
  await db.subProject.deleteMany({ where: { project: { departmentId } } });
  await db.project.deleteMany({ where: { departmentId } });
  await db.evaluationVersion.deleteMany({ where: { departmentId } });
  await db.evaluation.deleteMany({ where: { departmentId } });
  await db.userOrg.deleteMany({ where: { OR: [{ userId }, { organizationId }] } });
  await db.auditLog.deleteMany({ where: { userId } });
  await db.user.deleteMany({ where: { departmentId } });
  await db.orgAlias.deleteMany({ where: { organization: { departmentId } } });
  // Children before their parents: an office's parent is in the same department.
  await db.organization.updateMany({ where: { departmentId }, data: { parentId: null } });
  await db.organization.deleteMany({ where: { departmentId } });
  await db.departmentProfile.deleteMany({ where: { departmentId } });
  await db.departmentSummary.deleteMany({ where: { departmentId } });
  await db.summaryVersion.deleteMany({ where: { departmentId } });
  await db.department.delete({ where: { id: departmentId } });
}
