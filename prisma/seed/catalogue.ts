// Turns the validated document into flat, ordered records with responsible organisations
// resolved (docs/domain.md §2). Pure: the seed writes these, tests count them.
import { officeParts, resolveOffices, splitOffice, type OrgRef } from "../../lib/offices/client";
import { wanToYuan, type AnnualRow, type Document, type LongRow } from "./document";

export type OrgSeed = {
  id: number; // provisional id, stable within one build (order of creation)
  code: string | null;
  name: string;
  shortName: string | null;
  kind: "department" | "unit" | "division";
  parentId: number | null;
};

export type GoalSeed = {
  key: string;
  tableNo: string;
  term: "annual" | "long_term";
  goalNo: number | null;
  text: string;
  projectCode: string | null;
};

export type IndicatorSeed = {
  goalKey: string;
  tableNo: string;
  term: "annual" | "long_term";
  sortOrder: number;
  level1: string;
  level2: string;
  level3: string;
  namePrinted: string;
  officeText: string | null;
  unknownBracket: string | null;
  basis: string | null;
  targetText: string;
  history: { year: number; printed: string }[];
  orgIds: number[];
  unresolved: string[];
};

export type ProjectSeed = {
  code: string;
  name: string;
  tableNo: string;
  sortOrder: number;
  table12: Document["tables12"][number];
  table10: Document["table10"]["projects"][number];
  currentBudgetYuan: number | null;
  executingOrgIds: number[];
};

export type Catalogue = {
  orgs: OrgSeed[];
  aliases: { alias: string; orgId: number }[];
  projects: ProjectSeed[];
  goals: GoalSeed[];
  indicators: IndicatorSeed[];
};

export function buildCatalogue(doc: Document): Catalogue {
  const orgs: OrgSeed[] = [];
  const add = (o: Omit<OrgSeed, "id">) => {
    const org = { ...o, id: orgs.length + 1 };
    orgs.push(org);
    return org;
  };
  const dept = add({ ...doc.organizations.department, kind: "department", parentId: null });
  const byCode = new Map<string, OrgSeed>();
  for (const u of doc.units) {
    byCode.set(u.code, add({ code: u.code, name: u.name, shortName: doc.organizations.unitShortNames[u.code] ?? null, kind: "unit", parentId: dept.id }));
  }
  // Internal divisions (机关处室) sit under the department's own office (局机关: 503002 in the seed),
  // the unit whose name ends in 机关; a document without one hangs them under the department.
  const bureau = orgs.find((o) => o.kind === "unit" && /机关$/.test(o.name)) ?? dept;
  const byName = new Map<string, OrgSeed>();
  for (const o of orgs) byName.set(o.name, o);
  for (const d of doc.organizations.divisions) {
    byName.set(d, add({ code: null, name: d, shortName: null, kind: "division", parentId: bureau.id }));
  }

  // The alias table: every name and short name, plus the document's alternative names.
  const aliasMap = new Map<string, OrgRef[]>();
  const aliasRows: { alias: string; orgId: number }[] = [];
  const link = (alias: string, o: OrgSeed) => {
    const list = aliasMap.get(alias) ?? [];
    if (list.some((x) => x.id === o.id)) return;
    list.push({ id: o.id, name: o.name });
    aliasMap.set(alias, list);
    aliasRows.push({ alias, orgId: o.id });
  };
  for (const o of orgs) {
    link(o.name, o);
    if (o.shortName) link(o.shortName, o);
  }
  for (const a of doc.organizations.aliases) {
    for (const target of a.to) {
      const o = byCode.get(target) ?? byName.get(target);
      if (!o) throw new Error(`organizations.json: alias ${a.alias} → unknown ${target}`);
      link(a.alias, o);
    }
  }
  const isOffice = (n: string) => aliasMap.has(n);

  // Projects: 表12-N matched to 表10 by name (表12 prints no code).
  const projects: ProjectSeed[] = doc.tables12.map((t, i) => {
    const t10 = doc.table10.projects.find((p) => p.name === t.project.name);
    if (!t10) throw new Error(`表${t.table} ${t.project.name}: no project of that name in 表10`);
    const printedUnits = officeParts(t.project.executing_unit ?? "");
    const printed = resolveOffices(printedUnits, aliasMap);
    const fromTable10 = resolveOffices([...new Set(t10.children.map((c) => c.unit))], aliasMap);
    const executing = printed.unresolved.length === 0 && printed.orgs.length > 0 ? printed.orgs : fromTable10.orgs;
    return {
      code: t10.code,
      name: t.project.name,
      tableNo: t.table,
      sortOrder: i + 1,
      table12: t,
      table10: t10,
      currentBudgetYuan: wanToYuan(t.project.current_budget),
      executingOrgIds: executing.map((o) => o.id),
    };
  });

  const goals: GoalSeed[] = [];
  const indicators: IndicatorSeed[] = [];
  const rowsOf = (
    goal: GoalSeed,
    rows: (AnnualRow | LongRow)[],
    defaultOrgs: number[],
  ) => {
    goals.push(goal);
    rows.forEach((r) => {
      const split = splitOffice(r.name, isOffice);
      const resolved = split.officeText
        ? resolveOffices(officeParts(split.officeText), aliasMap)
        : { orgs: [] as OrgRef[], unresolved: [] as string[] };
      const annual = "values" in r;
      indicators.push({
        goalKey: goal.key,
        tableNo: goal.tableNo,
        term: goal.term,
        sortOrder: indicators.filter((x) => x.tableNo === goal.tableNo && x.term === goal.term).length + 1,
        level1: r.level1,
        level2: r.level2,
        level3: split.name,
        namePrinted: r.name,
        officeText: split.officeText,
        unknownBracket: split.unknownBracket,
        basis: r.basis,
        targetText: annual ? (yearValue(r, doc.year) ?? "") : r.value,
        history: annual
          ? [doc.year - 2, doc.year - 1].flatMap((y) => {
              const v = yearValue(r, y);
              return v == null ? [] : [{ year: y, printed: v }];
            })
          : [],
        orgIds: split.officeText ? resolved.orgs.map((o) => o.id) : defaultOrgs,
        unresolved: resolved.unresolved,
      });
    });
  };

  for (const term of ["long_term", "annual"] as const) {
    for (const g of doc.table11[term]) {
      rowsOf({ key: `11/${term}/${g.goal_no}`, tableNo: "11", term, goalNo: g.goal_no, text: g.goal, projectCode: null }, g.rows, [dept.id]);
    }
  }
  for (const p of projects) {
    for (const term of ["long_term", "annual"] as const) {
      const t = p.table12[term];
      // Most projects print one 绩效总目标 for both tables; it is stored on both goals.
      const text = t.goal?.trim() || p.table12.long_term.goal?.trim() || p.table12.annual.goal?.trim() || "";
      rowsOf({ key: `${p.tableNo}/${term}`, tableNo: p.tableNo, term, goalNo: null, text, projectCode: p.code }, t.rows, p.executingOrgIds);
    }
  }
  return { orgs, aliases: aliasRows, projects, goals, indicators };
}

/** The printed value of a year column (前年 / 上年 / 当年): the columns follow the document's year. */
function yearValue(r: AnnualRow, year: number): string | null {
  return (r.values as Record<string, string | null | undefined>)[String(year)] ?? null;
}
