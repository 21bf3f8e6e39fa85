import { unlinkSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { test, expect } from "@playwright/test";
import { BASE, E2E_DB, UPLOADS, actionBody, appRoutes, isErrorShape, query, serverActions, sessionCookie } from "./security-fixtures";

// Who may open what: every role (and nobody signed in) × every page and API route, on resources
// of the reporter's own office and of other offices, each cell the outcome the product promises.
// Reporter A is jiangan (江岸社保处); B is jianghan (江汉社保处), who shares the 社保处 indicators
// with A; C is zhengyan (政研处), who shares nothing with A. finance is the city finance bureau:
// it reads every department through /city and is sent there from the departments' own pages.

type Who = "anon" | "admin" | "manager" | "evaluator" | "reporterA" | "finance";
const WHO: Who[] = ["anon", "admin", "manager", "evaluator", "reporterA", "finance"];

/**
 * ok: 200/201 (a page without the forbidden notice) · scoped: 200, without C's rows (a marker)
 * forbidden: the page's "you may not do this" notice · login: redirected to /login
 * 400/401/403/404/405: that status (the API's JSON error shape where the app answers)
 * denied: any refusal (notice, 403, 404, login or sent to /city) — for admin pages being written now
 * refused: a server action answered { error: forbidden | unauthenticated } · city: redirected to /city
 */
type Outcome = "ok" | "scoped" | "forbidden" | "login" | "city" | "400" | "401" | "403" | "404" | "405" | "denied" | "refused";
type Row = { what: string; method?: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: () => BodyInit; cells: Record<Who, Outcome> };

const FORBIDDEN_NOTICE = /<p class="text-red-700">(无权执行此操作|You may not do this)<\/p>/;
/** An annual indicator of C's alone: it must never show up for A (by name in data, by link on pages). */
const C_MARKER = "发布微信公众号推文";
let cLink = /^$/;

const all = (o: Outcome, anon: Outcome = "login", finance: Outcome = "city"): Record<Who, Outcome> => ({ anon, admin: o, manager: o, evaluator: o, reporterA: o, finance });
const cells = (anon: Outcome, admin: Outcome, manager: Outcome, evaluator: Outcome, reporterA: Outcome, finance: Outcome = "city"): Record<Who, Outcome> => ({ anon, admin, manager, evaluator, reporterA, finance });

/** Every admin page in the source tree (new ones included), with sample ids for its segments. */
function adminPages(samples: Record<string, string>): string[] {
  return appRoutes()
    .filter((r) => r.kind === "page" && (r.pattern === "/admin" || r.pattern.startsWith("/admin/")))
    .map((r) => r.pattern.replace(/\[(\w+)\]/g, (_m, seg: string) => samples[`${r.pattern.split("/").slice(-2, -1)[0]}/${seg}`] ?? samples[seg] ?? "1"))
    .sort();
}

test.describe.serial("the access matrix: every role × every page and API route × own and other offices' resources", () => {
  const cookie: Partial<Record<Who, string>> = {};
  const made = { reports: [] as number[], evidence: [] as { id: number; storageKey: string }[] };
  let rows: Row[] = [];

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    const [admin, manager, evaluator, reporterA, reporterB, reporterC, finance] = await Promise.all(["admin", "manager", "evaluator", "jiangan", "jianghan", "zhengyan", "finance"].map((u) => sessionCookie(u)));
    Object.assign(cookie, { admin, manager, evaluator, reporterA, finance });

    const one = <T>(sql: string, ...p: unknown[]) => {
      const r = query<T>(sql, ...p);
      expect(r.length, sql).toBeGreaterThan(0);
      return r[0];
    };
    const orgOf = (u: string) => one<{ id: number }>(`SELECT uo."organizationId" AS id FROM "UserOrg" uo JOIN "User" u ON u."id" = uo."userId" WHERE u."username" = ?`, u).id;
    const indicator = (level3: string, org: number) =>
      one<{ id: number; code: string | null }>(
        `SELECT i."id" AS id, p."code" AS code FROM "Indicator" i JOIN "IndicatorOrg" io ON io."indicatorId" = i."id" JOIN "Goal" g ON g."id" = i."goalId" LEFT JOIN "Project" p ON p."id" = g."projectId" WHERE i."level3" = ? AND i."term" = 'annual' AND i."year" = 2024 AND io."organizationId" = ?`,
        level3,
        org,
      );
    const [orgA, orgB, orgC] = [orgOf("jiangan"), orgOf("jianghan"), orgOf("zhengyan")];
    const deptCode = one<{ code: string }>(`SELECT "code" FROM "Department" ORDER BY "id" LIMIT 1`).code;
    const shared = indicator("月社会保险业务经办量", orgA); // A's and B's (all nine 社保处)
    const onlyC = indicator(C_MARKER, orgC);
    // Pages echo a search term back into the search box: a link to the row is what shows it.
    cLink = new RegExp(`href="/indicators/${onlyC.id}["?#]`);
    expect(query(`SELECT 1 FROM "IndicatorOrg" WHERE "indicatorId" = ? AND "organizationId" = ?`, onlyC.id, orgA)).toHaveLength(0);
    const cProject = onlyC.code!;
    const aProject = shared.code!;

    // Evidence of A, of B (same shared indicator) and of C, uploaded through the report form
    // as each reporter does it: January drafts, removed again after the matrix.
    const saveReport = serverActions({ indicatorId: String(shared.id) }).find((a) => a.name === "saveReportAction");
    expect(saveReport, "the build has saveReportAction").toBeTruthy();
    const pdf = new Blob([new Uint8Array(Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"))], { type: "application/pdf" });
    const upload = async (who: string, session: string, ind: number, org: number) => {
      const before = Math.max(0, ...query<{ id: number }>(`SELECT "id" FROM "Evidence"`).map((e) => e.id));
      const body = actionBody(saveReport!.id, [
        ["indicatorId", String(ind)],
        ["organizationId", String(org)],
        ["year", "2024"],
        ["month", "1"],
        ["valueText", "1"],
        ["deviationCategories", "其他"],
        ["deviationReason", "access matrix fixture"],
        ["correctiveMeasure", "access matrix fixture"],
        ["expectedVersion", "0"],
        ["intent", "save"],
        ["evidence", pdf, `${who}-佐证.pdf`],
      ]);
      const res = await fetch(`${BASE}/report/${ind}`, { method: "POST", headers: { cookie: session, "next-action": saveReport!.id }, body });
      const text = await res.text();
      expect(res.status, text.slice(0, 300)).toBe(200);
      expect(text, `${who}'s upload`).toMatch(/^1:\{"data"/m);
      const ev = query<{ id: number; storageKey: string; reportId: number }>(`SELECT "id", "storageKey", "reportId" FROM "Evidence" WHERE "id" > ? AND "fileName" = ?`, before, `${who}-佐证.pdf`);
      expect(ev).toHaveLength(1);
      made.evidence.push(ev[0]);
      made.reports.push(ev[0].reportId);
      return ev[0].id;
    };
    const evA = await upload("A", reporterA, shared.id, orgA);
    const evB = await upload("B", reporterB, shared.id, orgB);
    const evC = await upload("C", reporterC, onlyC.id, orgC);

    const json = { "content-type": "application/json" };
    const reportBody = (ind: number, org: number) => () => JSON.stringify({ indicatorId: ind, organizationId: org, year: 2024, month: 2, valueText: "不是数字", intent: "save" });
    const review = serverActions({}).find((a) => a.name === "reviewReportAction")!;
    const reviewBody = () => actionBody(review.id, [["reportId", "999999"], ["decision", "approve"], ["expectedVersion", "1"]]);
    // Onboarding a budget (admins only): with no file the admin is answered "choose a file", anyone else refused.
    const onboard = serverActions({}).find((a) => a.name === "previewOnboardAction")!;
    const onboardBody = () => actionBody(onboard.id, [["note", "no file"]]);
    const saveBody = (ind: number, org: number) => () => actionBody(saveReport!.id, [["indicatorId", String(ind)], ["organizationId", String(org)], ["year", "2024"], ["month", "2"], ["valueText", "不是数字"], ["intent", "save"]]);

    const pages: Row[] = [
      { what: "department overview /", path: "/", cells: all("ok") },
      { what: "catalogue, searching for C's indicator", path: `/catalogue?q=${encodeURIComponent(C_MARKER)}`, cells: { ...all("ok"), reporterA: "scoped" } },
      { what: "projects", path: "/projects", cells: all("ok") },
      { what: "project page, A's project", path: `/projects/${aProject}`, cells: all("ok") },
      { what: "project page, a project of C's only", path: `/projects/${cProject}`, cells: { ...all("ok"), reporterA: "scoped" } },
      { what: "indicator page, own office (shared)", path: `/indicators/${shared.id}`, cells: all("ok") },
      { what: "indicator page, another office's", path: `/indicators/${onlyC.id}`, cells: { ...all("ok"), reporterA: "404" } },
      { what: "report form, own office's indicator", path: `/report/${shared.id}`, cells: all("ok") },
      { what: "report form, another office's indicator", path: `/report/${onlyC.id}`, cells: { ...all("ok"), reporterA: "404" } },
      { what: "office page, own office", path: `/offices/${orgA}`, cells: all("ok") },
      { what: "office page, a fellow office (B)", path: `/offices/${orgB}`, cells: { ...all("ok"), reporterA: "404" } },
      { what: "office page, another office (C)", path: `/offices/${orgC}`, cells: { ...all("ok"), reporterA: "404" } },
      { what: "my indicators /my", path: "/my", cells: all("ok") },
      { what: "review queue /review", path: "/review", cells: cells("login", "ok", "ok", "forbidden", "forbidden") },
      { what: "overview /dashboard", path: "/dashboard", cells: all("ok") },
      { what: "status table, searching for C's indicator", path: `/dashboard/indicators?q=${encodeURIComponent(C_MARKER)}`, cells: { ...all("ok"), reporterA: "scoped" } },
      { what: "self-evaluation list /evaluation", path: "/evaluation", cells: cells("login", "ok", "ok", "ok", "forbidden") },
      { what: "department self-evaluation", path: "/evaluation/department", cells: cells("login", "ok", "ok", "ok", "forbidden") },
      { what: "project self-evaluation (A's project)", path: `/evaluation/${aProject}`, cells: cells("login", "ok", "ok", "ok", "forbidden") },
      { what: "annual summary", path: "/evaluation/summary", cells: cells("login", "ok", "ok", "ok", "forbidden") },
      { what: "login page", path: "/login", cells: all("ok", "ok", "ok") },
      { what: "city roll-up /city (finance bureau)", path: "/city", cells: cells("login", "forbidden", "forbidden", "forbidden", "forbidden", "ok") },
      { what: "city drill-down /city/<department>", path: `/city/${deptCode}`, cells: cells("login", "forbidden", "forbidden", "forbidden", "forbidden", "ok") },
    ];
    const samples = { "users/id": "4", "orgs/id": String(orgA), "indicators/id": String(shared.id), id: "1" };
    const adminRows = adminPages(samples).map(
      (p): Row => ({ what: `admin page ${p}`, path: p === "/admin/tables/indicators/new" ? `${p}?goal=1` : p, cells: cells("login", "ok", "denied", "denied", "denied", "denied") }),
    );
    const api: Row[] = [
      { what: "GET /api/v1/indicators (A: only A's offices)", path: "/api/v1/indicators?year=2024&month=6", cells: { ...all("ok", "401", "403"), reporterA: "scoped" } },
      { what: "GET /api/v1/indicators?org=C (a filter it does not take)", path: `/api/v1/indicators?year=2024&month=6&org=${orgC}`, cells: { ...all("ok", "401", "403"), reporterA: "scoped" } },
      { what: "GET /api/v1/reports?organizationId=C (no such read)", path: `/api/v1/reports?organizationId=${orgC}`, cells: all("405", "405", "405") },
      { what: "POST a report, own office (value refused after the scope check)", method: "POST", path: "/api/v1/reports", headers: json, body: reportBody(shared.id, orgA), cells: cells("401", "403", "403", "403", "400", "403") },
      { what: "POST a report, a fellow office's part of a shared indicator", method: "POST", path: "/api/v1/reports", headers: json, body: reportBody(shared.id, orgB), cells: cells("401", "403", "403", "403", "403", "403") },
      { what: "POST a report, another office's indicator", method: "POST", path: "/api/v1/reports", headers: json, body: reportBody(onlyC.id, orgC), cells: cells("401", "403", "403", "403", "403", "403") },
      { what: "GET evidence, own office's", path: `/api/v1/evidence/${evA}`, cells: all("ok", "401", "ok") },
      { what: "GET evidence, a fellow office's on the shared indicator (one indicator)", path: `/api/v1/evidence/${evB}`, cells: all("ok", "401", "ok") },
      { what: "GET evidence, another office's", path: `/api/v1/evidence/${evC}`, cells: { ...all("ok", "401", "ok"), reporterA: "404" } },
      { what: "GET self-eval export (department, JSON)", path: "/api/v1/self-eval/department?year=2024&format=json", cells: cells("401", "ok", "ok", "ok", "403", "403") },
      { what: "GET self-eval export (C's project, JSON)", path: `/api/v1/self-eval/${cProject}?year=2024&format=json`, cells: cells("401", "ok", "ok", "ok", "403", "403") },
      { what: "GET monitoring export (department, JSON)", path: "/api/v1/monitoring/department?year=2024&month=7&format=json", cells: cells("401", "ok", "ok", "ok", "403", "403") },
      { what: "GET annual summary export (JSON)", path: "/api/v1/summary?year=2024&format=json", cells: cells("401", "ok", "ok", "ok", "403", "403") },
      { what: "GET the city roll-up (finance bureau)", path: "/api/v1/city?year=2024&month=6", cells: cells("401", "403", "403", "403", "403", "ok") },
      { what: "GET the tables workbook (admin)", path: "/api/v1/admin/tables?year=2024&template=1", cells: cells("401", "ok", "403", "403", "403", "403") },
      { what: "GET status table CSV, searching for C's indicator", path: `/dashboard/indicators/export?format=csv&q=${encodeURIComponent(C_MARKER)}`, cells: { ...all("ok", "401", "403"), reporterA: "scoped" } },
      { what: "GET /api/health", path: "/api/health", cells: all("ok", "ok", "ok") },
      { what: "GET /api/auth/session", path: "/api/auth/session", cells: all("ok", "ok", "ok") },
      { what: "server action: approve a report", method: "POST", path: review.page, headers: { "next-action": review.id }, body: reviewBody, cells: cells("refused", "ok", "ok", "refused", "refused", "refused") },
      { what: "server action: preview a budget to onboard (admin)", method: "POST", path: onboard.page, headers: { "next-action": onboard.id }, body: onboardBody, cells: cells("refused", "ok", "refused", "refused", "refused", "refused") },
      { what: "server action: save a report, own office (value refused after the scope check)", method: "POST", path: `/report/${shared.id}`, headers: { "next-action": saveReport!.id }, body: saveBody(shared.id, orgA), cells: cells("refused", "refused", "refused", "refused", "ok", "refused") },
      { what: "server action: save a report for another office", method: "POST", path: `/report/${onlyC.id}`, headers: { "next-action": saveReport!.id }, body: saveBody(onlyC.id, orgC), cells: cells("refused", "refused", "refused", "refused", "refused", "refused") },
    ];
    rows = [...pages, ...adminRows, ...api];
  });

  test.afterAll(() => {
    // The fixtures go again: other specs see the seeded database.
    const db = new Database(E2E_DB);
    db.pragma("busy_timeout = 5000");
    const ids = made.reports.join(",") || "0";
    db.exec(`DELETE FROM "Evidence" WHERE "reportId" IN (${ids}); DELETE FROM "AuditLog" WHERE "entity" = 'Indicator' AND "after" LIKE '%access matrix fixture%'; DELETE FROM "Report" WHERE "id" IN (${ids});`);
    db.close();
    for (const e of made.evidence) unlinkSync(path.join(UPLOADS, e.storageKey));
  });

  test("every page and route under app/ has a row", () => {
    const paths = rows.map((r) => r.path.split("?")[0]);
    const missing = appRoutes()
      .map((r) => r.pattern)
      .filter((p) => {
        const re = new RegExp(`^${p.replace(/\[\.\.\.\w+\]/g, ".+").replace(/\[\w+\]/g, "[^/]+")}$`);
        return !paths.some((x) => re.test(x));
      });
    expect(missing, "routes without a row in the matrix").toEqual([]);
  });

  test("every cell answers as the matrix says", async () => {
    test.setTimeout(120_000);
    const wrong: string[] = [];
    const table: string[] = [`| route / resource | ${WHO.join(" | ")} |`, `|---|${WHO.map(() => "---").join("|")}|`];
    for (const row of rows) {
      const got = await Promise.all(WHO.map((who) => observe(row, who, cookie[who])));
      table.push(`| ${row.what} | ${WHO.map((w, i) => (got[i] === row.cells[w] ? row.cells[w] : `**${got[i]}** (want ${row.cells[w]})`)).join(" | ")} |`);
      WHO.forEach((w, i) => {
        if (got[i] !== row.cells[w]) wrong.push(`${row.what} as ${w}: expected ${row.cells[w]}, got ${got[i]}`);
      });
    }
    console.log(table.join("\n"));
    expect(wrong, wrong.join("\n")).toEqual([]);
  });
});

/** What a cell actually does, in the matrix's words. */
async function observe(row: Row, who: Who, cookie: string | undefined): Promise<string> {
  const res = await fetch(BASE + row.path, { method: row.method ?? "GET", headers: { ...(cookie ? { cookie } : {}), ...row.headers }, body: row.body?.(), redirect: "manual" });
  const body = await res.text();
  const s = res.status;
  const denied = (o: string): string => (row.cells[who] === "denied" && ["forbidden", "login", "city", "403", "404"].includes(o) ? "denied" : o);
  if (s >= 300 && s < 400) {
    const to = new URL(res.headers.get("location") ?? "", BASE);
    return denied(to.pathname === "/login" ? "login" : to.pathname === "/city" ? "city" : `redirect to ${to.pathname}`);
  }
  if (row.headers?.["next-action"]) {
    if (s !== 200) return `HTTP ${s}`;
    const result = body.split("\n").find((l) => l.startsWith("1:")) ?? "";
    if (/"code":"(forbidden|unauthenticated)"/.test(result)) return "refused";
    // Past the role and office checks: refused for its value or a missing report, or done.
    return /"code":"(invalid|not_found)"|^1:\{"data"/.test(result) ? "ok" : `answered ${result.slice(0, 80)}`;
  }
  if (row.path.startsWith("/api/") || row.path.startsWith("/dashboard/indicators/export")) {
    if (s >= 400) {
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(body);
      } catch {
        /* not JSON */
      }
      return s === 405 || isErrorShape(parsed) ? denied(String(s)) : `HTTP ${s} without the error shape`;
    }
    if (row.cells[who] === "scoped") return scopedApi(row, body) ? "scoped" : "leaks another office's rows";
    if (who !== "reporterA" && row.cells.reporterA === "scoped" && !row.path.startsWith("/api/v1/indicators") && !body.includes(C_MARKER)) return "ok, but without C's rows (the marker proves nothing)";
    return s === 200 || s === 201 ? "ok" : `HTTP ${s}`;
  }
  if (s === 404) return denied("404");
  if (s !== 200) return `HTTP ${s}`;
  if (FORBIDDEN_NOTICE.test(body)) return denied("forbidden");
  if (row.cells[who] === "scoped") return cLink.test(body) ? "leaks another office's rows" : "scoped";
  // The marker must show for those who see everything, or its absence above proves nothing.
  if (row.cells.reporterA === "scoped" && !cLink.test(body)) return "ok, but without C's rows (the marker proves nothing)";
  return "ok";
}

function scopedApi(row: Row, body: string): boolean {
  if (body.includes(C_MARKER)) return false;
  if (!row.path.startsWith("/api/v1/indicators")) return true;
  const data = (JSON.parse(body) as { data: { indicators: { office: { name: string } }[] } }).data;
  return data.indicators.length > 0 && data.indicators.every((l) => l.office.name.includes("江岸"));
}
