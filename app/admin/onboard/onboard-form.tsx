"use client";
import Link from "next/link";
import { useRef, useState, useTransition } from "react";
import { fill, type Locale, type Messages } from "@/lib/i18n/client";
import type { Action, Counts, OnboardProblem, OnboardSummary, PlannedTable, OnboardReview } from "@/lib/onboard";
import { Badge, Card } from "@/components/ui/card";
import { spans } from "@/components/catalogue/indicator-grid";
import { confirmOnboardAction, previewOnboardAction } from "./actions";
import { Button, Hint, Label, Table } from "@/components/ui/controls";

type M = Messages["onboard"];
type G = Messages["grid"];

const MAX_BYTES = 20 * 1024 * 1024;
const pill = (on: boolean) => `rounded border px-2 py-1 text-xs ${on ? "border-brand-600 bg-brand-50 font-medium text-brand-700" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`;

const ACTION: Record<Action, { tone: "blue" | "amber" | "slate"; icon: string; row: string }> = {
  create: { tone: "blue", icon: "＋", row: "" },
  update: { tone: "amber", icon: "✎", row: "bg-amber-50/60" },
  unchanged: { tone: "slate", icon: "＝", row: "" },
};

/**
 * Upload → review → import all. The review shows every goal table in the document's own grid
 * (一级 / 二级 merged, the year columns, 指标值确定依据) beside the lines each row was read from,
 * and every problem by page and line. Importing sends the same file with the review's digest;
 * the server writes it all in one transaction or refuses.
 */
export function OnboardForm({ m, grid, locale }: { m: M; grid: G; locale: Locale }) {
  const [file, setFile] = useState<File | null>(null);
  const [review, setReview] = useState<OnboardReview | null>(null);
  const [done, setDone] = useState<OnboardSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [phase, setPhase] = useState<"read" | "import" | null>(null);
  const [pending, start] = useTransition();
  const input = useRef<HTMLInputElement>(null);

  const formData = (digest?: string) => {
    const fd = new FormData();
    if (file) fd.set("file", file);
    if (digest) fd.set("digest", digest);
    return fd;
  };
  const reset = () => {
    setReview(null);
    setDone(null);
    setError(null);
    setFile(null);
    if (input.current) input.current.value = "";
  };
  const read = () => {
    setDone(null);
    if (!file) return setError(m.chooseFile);
    // The server checks again; these spare an upload that would be refused.
    if (!/\.(pdf|txt)$/i.test(file.name)) return setError(locale === "zh" ? "只能导入部门预算的 .pdf 文件或其文本 .txt 文件" : "Only a budget's .pdf or its text (.txt) can be onboarded");
    if (file.size > MAX_BYTES) return setError(locale === "zh" ? "文件超过 20 MB，不是一个部门的预算文件" : "The file is over 20 MB: not one department's budget");
    setPhase("read");
    start(async () => {
      const r = await previewOnboardAction(formData());
      if ("error" in r) {
        setReview(null);
        setError(r.error.message[locale]);
      } else {
        setError(null);
        setReview(r.data);
      }
    });
  };
  const importAll = () => {
    if (!review) return;
    setPhase("import");
    start(async () => {
      const r = await confirmOnboardAction(formData(review.digest));
      if ("error" in r) setError(r.error.message[locale]);
      else {
        setError(null);
        setDone(r.data);
      }
    });
  };

  return (
    <div className="space-y-5">
      {!review && !done && (
        <Card title={m.uploadTitle}>
          <form
            aria-label={m.uploadTitle}
            onSubmit={(e) => {
              e.preventDefault();
              read();
            }}
          >
            <fieldset disabled={pending} className="flex flex-wrap items-end gap-4">
              <Label>
                {m.file}
                <input
                  ref={input}
                  type="file"
                  accept=".pdf,.txt,application/pdf,text/plain"
                  onChange={(e) => {
                    setFile(e.target.files?.[0] ?? null);
                    setError(null);
                  }}
                  className="peer sr-only"
                />
                <span className="mt-1 flex min-w-80 cursor-pointer items-center gap-3 rounded border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50 peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600">
                  <span className="font-medium text-brand-700">{m.chooseButton}</span>
                  <span className={file ? "text-slate-900" : "text-slate-400"}>{file ? file.name : m.noFile}</span>
                </span>
              </Label>
              <Button type="submit" size="lg">{pending && phase === "read" ? m.reading : m.read}</Button>
            </fieldset>
            <p className="mt-2 text-xs text-slate-500">{m.hint}</p>
          </form>
        </Card>
      )}

      {error && (
        <div role="alert" data-testid="onboard-error" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          ✖ {error}
        </div>
      )}

      {done && (
        <div role="status" className="flex flex-wrap items-center gap-3 rounded border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          <span>✓ {done.writes === 0 ? m.nothing : fill(m.done, { created: done.created, updated: done.updated, unchanged: done.unchanged })}</span>
          <Link href={`/admin/tables?year=${done.year}`} className="font-medium text-brand-700 underline">{m.open}</Link>
          <Link href={`/catalogue?year=${done.year}`} className="text-brand-700 underline">{m.openCatalogue}</Link>
          <button type="button" onClick={reset} className="rounded border border-emerald-300 bg-white px-2 py-1 text-xs hover:bg-emerald-100">{m.again}</button>
        </div>
      )}

      {review && !done && <Review r={review} m={m} grid={grid} locale={locale} pending={pending} importing={pending && phase === "import"} onImport={importAll} onCancel={reset} />}
    </div>
  );
}

function CountCard({ label, total, c, m }: { label: string; total: number; c: Counts; m: M }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-2 shadow-sm">
      <Hint>{label}</Hint>
      <div className="text-xl font-semibold tabular-nums text-slate-900">{total}</div>
      <div className="text-xs text-slate-600">{fill(m.counts, { create: c.create, update: c.update, unchanged: c.unchanged })}</div>
    </div>
  );
}

function Review({ r, m, grid, locale, pending, importing, onImport, onCancel }: { r: OnboardReview; m: M; grid: G; locale: Locale; pending: boolean; importing: boolean; onImport: () => void; onCancel: () => void }) {
  const [onlyChanged, setOnlyChanged] = useState(false);
  const c = r.counts;
  const errors = r.problems.filter((p) => p.severity === "error").length;
  const warnings = r.problems.length - errors;
  const sum = (x: Counts) => x.create + x.update + x.unchanged;
  const nothing = r.canConfirm && r.department.action === "unchanged" && [c.offices, c.projects, c.subProjects, c.tables, c.indicators].every((x) => x.create + x.update === 0);
  const tables = onlyChanged ? r.tables.filter((t) => t.rows.some((x) => x.action !== "unchanged")) : r.tables;
  const newOffices = r.offices.filter((o) => o.action === "create");

  return (
    <section aria-label={m.reviewTitle} className="space-y-5">
      <Card title={m.reviewTitle}>
        <dl className="mb-4 flex flex-wrap gap-x-8 gap-y-2 text-sm">
          <div><dt className="text-xs text-slate-500">{m.department}</dt><dd className="font-medium text-slate-900">{r.department.code} {r.department.name} {r.department.action === "create" && <Badge tone="blue">＋ {m.action.create}</Badge>}</dd></div>
          <div><dt className="text-xs text-slate-500">{m.year}</dt><dd className="font-medium text-slate-900">{fill(m.yearOf, { y: r.year })}</dd></div>
          <div><dt className="text-xs text-slate-500">{m.source}</dt><dd className="text-slate-900">{r.fileName} <span className="text-slate-500">· {fill(m.lines, { n: r.lineCount })}</span></dd></div>
        </dl>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          <CountCard label={m.offices} total={sum(c.offices)} c={c.offices} m={m} />
          <CountCard label={m.projects} total={sum(c.projects)} c={c.projects} m={m} />
          <CountCard label={m.subProjects} total={sum(c.subProjects)} c={c.subProjects} m={m} />
          <CountCard label={m.tables} total={sum(c.tables)} c={c.tables} m={m} />
          <CountCard label={m.indicators} total={sum(c.indicators)} c={c.indicators} m={m} />
        </div>
        {c.notInDocument > 0 && <p className="mt-3 text-sm text-slate-600">{fill(m.notInDocument, { n: c.notInDocument })}</p>}

        <div className="mt-4 flex flex-wrap items-center gap-3">
          {errors > 0 ? (
            <p id="onboard-decision" className="flex-1 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm font-medium text-red-800">✖ {fill(m.blocked, { n: errors })}</p>
          ) : nothing ? (
            <p id="onboard-decision" className="flex-1 rounded border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">✓ {m.nothing}</p>
          ) : (
            <p id="onboard-decision" className="flex-1 rounded border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-900">
              {m.importHint}
              {warnings > 0 && <span className="mt-1 block text-amber-900">⚠ {fill(m.warningsOnly, { n: warnings })}</span>}
            </p>
          )}
          <Button type="button" onClick={onImport} disabled={!r.canConfirm || nothing || pending} aria-describedby="onboard-decision" size="lg">{importing ? m.importing : m.importAll}</Button>
          <Button type="button" onClick={onCancel} disabled={pending} variant="secondary" size="lg">{m.cancel}</Button>
        </div>
      </Card>

      <Card title={`${m.problems}${locale === "zh" ? `（${r.problems.length}）` : ` (${r.problems.length})`}`}>
        {r.problems.length === 0 ? <p className="text-sm text-slate-600">✓ {m.noProblems}</p> : <Problems list={r.problems} m={m} locale={locale} />}
      </Card>

      {newOffices.length > 0 && (
        <details className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
          <summary className="cursor-pointer text-base font-semibold text-slate-800">{m.newOffices}{locale === "zh" ? `（${newOffices.length}）` : ` (${newOffices.length})`}</summary>
          <ul className="mt-3 flex flex-wrap gap-2 text-sm">
            {newOffices.map((o) => (
              <li key={o.name} className="rounded border border-slate-200 bg-slate-50 px-2 py-1">{o.name}{o.shortName ? <span className="text-slate-500">（{o.shortName}）</span> : null}</li>
            ))}
          </ul>
        </details>
      )}

      {r.projects.length > 0 && (
        <Card title={m.projects}>
          <ul className="divide-y divide-slate-100 text-sm">
            {r.projects.map((p) => (
              <li key={p.code} className="flex flex-wrap items-baseline gap-x-3 py-1.5">
                <span className="w-14 text-slate-500">表{p.tableNo}</span>
                <span className="font-mono text-xs text-slate-500">{p.code}</span>
                <span className="font-medium text-slate-900">{p.name}</span>
                <Hint as="span">{m.subProjects} {p.subProjects.length}</Hint>
                <Badge tone={ACTION[p.action].tone}>{ACTION[p.action].icon} {m.action[p.action]}</Badge>
              </li>
            ))}
          </ul>
        </Card>
      )}

      <div className="flex items-center justify-between">
        <h2 className="text-base font-semibold text-slate-800">{m.tables}</h2>
        <div role="group" aria-label={m.tables} className="flex gap-2">
          <button type="button" aria-pressed={!onlyChanged} onClick={() => setOnlyChanged(false)} className={pill(!onlyChanged)}>{m.filter.all}</button>
          <button type="button" aria-pressed={onlyChanged} onClick={() => setOnlyChanged(true)} className={pill(onlyChanged)}>{m.filter.changed}</button>
        </div>
      </div>
      {tables.map((t) => (
        <GoalTable key={t.key} t={t} year={r.year} m={m} grid={grid} />
      ))}
    </section>
  );
}

function Problems({ list, m, locale }: { list: OnboardProblem[]; m: M; locale: Locale }) {
  return (
    <ul aria-label={m.problems} className="divide-y divide-slate-100 rounded border border-slate-200">
      {list.map((x, i) => {
        const where = [x.table ? `表${x.table}` : null, x.page != null ? fill(m.page, { n: x.page }) : null, x.line != null ? fill(m.line, { n: x.line }) : null].filter(Boolean).join(" · ");
        return (
          <li key={i} data-severity={x.severity} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-2 text-sm">
            <Badge tone={x.severity === "error" ? "red" : "amber"}>{x.severity === "error" ? "✖" : "⚠"} {m.severity[x.severity]}</Badge>
            {where && <span className="whitespace-nowrap font-medium text-slate-900">{where}</span>}
            <span className="min-w-0 flex-1 text-slate-700">{x.message[locale]}</span>
            {x.text && <pre className="w-full overflow-x-auto rounded bg-slate-50 px-2 py-1 font-mono text-[11px] leading-4 text-slate-600">{x.text}</pre>}
          </li>
        );
      })}
    </ul>
  );
}

function GoalTable({ t, year, m, grid }: { t: PlannedTable; year: number; m: M; grid: G }) {
  const annual = t.term === "annual";
  const rows = t.rows;
  const hasBasis = rows.some((x) => x.basis);
  const l1 = spans(rows, (x) => x.level1);
  const l2 = spans(rows, (x) => `${x.level1}/${x.level2}`);
  const title = `表${t.tableNo} · ${t.projectName ?? m.dept} · ${m.term[t.term]}${t.goalNo != null ? ` · ${fill(m.goalNo, { n: t.goalNo })}` : ""}`;
  return (
    <section aria-label={title} data-table={t.key} className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1 border-b border-slate-100 px-4 py-3">
        <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
        <Hint as="span">{fill(m.rows, { n: rows.length })}</Hint>
        <Badge tone={ACTION[t.action].tone}>{ACTION[t.action].icon} {m.action[t.action]}</Badge>
        {t.goal && <p className="w-full text-xs leading-5 text-slate-600">{t.goal}</p>}
      </header>
      <div className="overflow-x-auto p-3">
        <Table scroll={false}>
          <thead>
            <tr>
              <th scope="col">{grid.level1}</th>
              <th scope="col">{grid.level2}</th>
              <th scope="col">{grid.level3}</th>
              {annual ? (
                <>
                  <th scope="col" className="text-right">{fill(m.yearOf, { y: year - 2 })}</th>
                  <th scope="col" className="text-right">{fill(m.yearOf, { y: year - 1 })}</th>
                  <th scope="col" className="text-right">{fill(m.yearOf, { y: year })}</th>
                </>
              ) : (
                <th scope="col" className="text-right">{grid.value}</th>
              )}
              {hasBasis && <th scope="col">{grid.basis}</th>}
              <th scope="col">{m.col.offices}</th>
              <th scope="col">{m.col.result}</th>
              <th scope="col">{m.col.source}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((x, i) => (
              <tr key={x.index} className={ACTION[x.action].row} data-action={x.action}>
                {l1[i] > 0 && <td rowSpan={l1[i]} className="merged">{x.level1}</td>}
                {l2[i] > 0 && <td rowSpan={l2[i]} className="merged">{x.level2}</td>}
                <td className="min-w-48">{x.namePrinted}</td>
                {x.values.map((v, j) => (
                  <td key={j} className={`num ${j === x.values.length - 1 ? "font-medium" : "text-slate-600"}`}>{v ?? ""}</td>
                ))}
                {hasBasis && <td className="whitespace-nowrap">{x.basis}</td>}
                <td className="max-w-48 text-xs text-slate-600">{x.offices.length > 3 ? `${x.offices.slice(0, 2).join("、")} 等 ${x.offices.length} 个` : x.offices.join("、")}</td>
                <td className="text-xs">
                  <Badge tone={ACTION[x.action].tone}>{ACTION[x.action].icon} {m.action[x.action]}</Badge>
                  {x.changes.map((ch) => (
                    <div key={ch.field} className="mt-1 whitespace-nowrap text-slate-700">
                      {ch.field}: <s className="text-slate-400">{ch.before || m.empty}</s> → {ch.after || m.empty}
                    </div>
                  ))}
                </td>
                <td className="min-w-72">
                  {x.source ? (
                    <div>
                      <div className="text-[11px] text-slate-500">
                        {x.source.page != null ? `${fill(m.page, { n: x.source.page })} · ` : ""}
                        {fill(m.line, { n: x.source.from === x.source.to ? x.source.from : `${x.source.from}–${x.source.to}` })}
                      </div>
                      <pre className="max-w-md overflow-x-auto whitespace-pre font-mono text-[11px] leading-4 text-slate-600">{trimCommon(x.source.lines)}</pre>
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </section>
  );
}

/** Source lines without the left margin they share (pdftotext -layout indents by column position). */
function trimCommon(lines: string[]): string {
  const text = lines.filter((l) => l.trim());
  const indent = Math.min(...text.map((l) => l.length - l.trimStart().length));
  return text.map((l) => l.slice(Number.isFinite(indent) ? indent : 0).trimEnd()).join("\n");
}
