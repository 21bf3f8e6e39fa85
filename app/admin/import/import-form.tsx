"use client";
import { useMemo, useRef, useState, useTransition } from "react";
import { fill, type Locale, type Messages } from "@/lib/i18n/client";
import { ACCUMULATION_TEXT, AGGREGATION_TEXT, FIELD_LABELS, placeOf } from "@/lib/import/client";
import type { Change, ImportSummary, PreviewResult, Problem, RowPlan } from "@/lib/import";
import { importFileMeta } from "@/lib/validations";
import { Badge } from "@/components/ui/card";
import { confirmImportAction, previewImportAction } from "./actions";
import { Button, Hint, Label, Table } from "@/components/ui/controls";

type M = Messages["importer"];
type Filter = "all" | "attention" | "unchanged";

const pill = (on: boolean) => `rounded border px-2 py-1 text-xs ${on ? "border-brand-600 bg-brand-50 font-medium text-brand-700" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`;

/** "中文 / English" messages of the shared zod schemas: the reader's half. */
const half = (s: string, locale: Locale) => (locale === "zh" ? s.split(" / ")[0] : (s.split(" / ")[1] ?? s));

/**
 * Upload → preview → confirm. The preview lists every row (new / changed with before → after /
 * unchanged) and every problem by sheet, row and column; confirming sends the same file with the
 * preview's digest, and the server writes it in one transaction or refuses.
 */
export function ImportForm({ years, year, locale, m }: { years: number[]; year: number; locale: Locale; m: M }) {
  const [file, setFile] = useState<File | null>(null);
  const [target, setTarget] = useState(year);
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const [done, setDone] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string[] | null>(null);
  const [phase, setPhase] = useState<"preview" | "confirm" | null>(null);
  const [pending, start] = useTransition();
  const input = useRef<HTMLInputElement>(null);

  const formData = (digest?: string) => {
    const fd = new FormData();
    if (file) fd.set("file", file);
    fd.set("year", String(target));
    if (digest) fd.set("digest", digest);
    return fd;
  };
  const failed = (e: { message: { zh: string; en: string }; fields?: Record<string, string[]> }) =>
    setError([e.message[locale], ...[...new Set(Object.values(e.fields ?? {}).flat())].map((s) => half(s, locale)).filter((s) => s !== e.message[locale])]);

  const runPreview = () => {
    setDone(null);
    if (!file) return setError([m.chooseFile]);
    const meta = importFileMeta.safeParse({ fileName: file.name, size: file.size });
    if (!meta.success) return setError([half(meta.error.issues[0].message, locale)]);
    setPhase("preview");
    start(async () => {
      const r = await previewImportAction(formData());
      if ("error" in r) {
        setPreview(null);
        failed(r.error);
      } else {
        setError(null);
        setPreview(r.data);
      }
    });
  };
  const runConfirm = () => {
    if (!preview) return;
    setPhase("confirm");
    start(async () => {
      const r = await confirmImportAction(formData(preview.digest));
      if ("error" in r) failed(r.error);
      else {
        setError(null);
        setPreview(null);
        setDone(r.data);
      }
    });
  };
  const reset = () => {
    setDone(null);
    setPreview(null);
    setFile(null);
    if (input.current) input.current.value = "";
  };

  return (
    <div>
      <form
        aria-label={m.importTitle}
        onSubmit={(e) => {
          e.preventDefault();
          runPreview();
        }}
      >
        <fieldset disabled={pending} className="flex flex-wrap items-end gap-4">
          <Label>
            {m.year}
            <select value={target} onChange={(e) => (setTarget(Number(e.target.value)), setPreview(null))} className="mt-1 block rounded border border-slate-300 bg-white px-2 py-1.5 text-sm">
              {years.map((y) => (
                <option key={y} value={y}>{fill(m.yearOf, { y })}</option>
              ))}
            </select>
          </Label>
          {/* The browser's own file button speaks the browser's language; this one speaks the page's. */}
          <Label>
            {m.file}
            <input
              ref={input}
              type="file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setPreview(null);
                setDone(null);
                setError(null);
              }}
              className="peer sr-only"
            />
            <span className="mt-1 flex cursor-pointer items-center gap-3 rounded border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50 peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600">
              <span className="font-medium text-brand-700">{m.chooseButton}</span>
              <span className={file ? "text-slate-900" : "text-slate-400"}>{file ? file.name : m.noFile}</span>
            </span>
          </Label>
          <Button type="submit" size="lg">{pending && phase === "preview" ? m.previewing : m.preview}</Button>
        </fieldset>
        <p className="mt-2 text-xs text-slate-500">{m.importHint}</p>
      </form>

      {error && (
        <div role="alert" data-testid="import-error" className="mt-4 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error.map((e, i) => (
            <p key={i} className={i ? "mt-1 text-xs" : ""}>{e}</p>
          ))}
        </div>
      )}
      {done && (
        <div role="status" className="mt-4 flex flex-wrap items-center gap-3 rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          <span>✓ {fill(m.done, { created: done.created, updated: done.updated, unchanged: done.unchanged })}{done.notInFile ? ` ${fill(m.doneNotInFile, { n: done.notInFile })}` : ""}</span>
          <button type="button" onClick={reset} className="rounded border border-emerald-300 bg-white px-2 py-1 text-xs hover:bg-emerald-100">{m.again}</button>
        </div>
      )}
      {preview && <PreviewView p={preview} m={m} locale={locale} pending={pending} confirming={pending && phase === "confirm"} onConfirm={runConfirm} />}
    </div>
  );
}

const SEVERITY: Record<Problem["severity"], { tone: "red" | "amber" | "slate"; icon: string }> = {
  error: { tone: "red", icon: "✖" },
  warning: { tone: "amber", icon: "⚠" },
  info: { tone: "slate", icon: "ℹ" },
};
const ACTION: Record<RowPlan["action"], { tone: "blue" | "amber" | "slate" | "red"; icon: string; row: string }> = {
  create: { tone: "blue", icon: "＋", row: "bg-blue-50/50" },
  update: { tone: "amber", icon: "✎", row: "bg-amber-50/60" },
  unchanged: { tone: "slate", icon: "＝", row: "" },
  error: { tone: "red", icon: "✖", row: "bg-red-50" },
};

function PreviewView({ p, m, locale, pending, confirming, onConfirm }: { p: PreviewResult; m: M; locale: Locale; pending: boolean; confirming: boolean; onConfirm: () => void }) {
  const [filter, setFilter] = useState<Filter>("all");
  const colon = locale === "zh" ? "：" : ": ";
  const counted = (label: string, n: number) => (locale === "zh" ? `${label}（${n}）` : `${label} (${n})`);
  const c = p.counts;
  const byRow = useMemo(() => {
    const map = new Map<string, Problem[]>();
    for (const x of p.problems) if (x.row != null) map.set(`${x.sheet}\u0000${x.row}`, [...(map.get(`${x.sheet}\u0000${x.row}`) ?? []), x]);
    return map;
  }, [p.problems]);
  const problemsOf = (r: RowPlan) => byRow.get(`${r.sheet}\u0000${r.row}`) ?? [];
  const rows = p.rows.filter((r) => (filter === "all" ? true : filter === "unchanged" ? r.action === "unchanged" && problemsOf(r).length === 0 : r.action !== "unchanged" || problemsOf(r).length > 0));
  const value = (ch: Change, side: "before" | "after") => {
    const v = ch[side];
    if (!v) return <span className="text-slate-400">{m.empty}</span>;
    if (ch.field === "accumulation") return ACCUMULATION_TEXT[v]?.[locale] ?? v;
    if (ch.field === "aggregation") return AGGREGATION_TEXT[v]?.[locale] ?? v;
    return v;
  };
  const listed = p.notInFile.filter((n) => n.tableInFile);
  const wholeTables = [...p.notInFile.filter((n) => !n.tableInFile).reduce((acc, n) => acc.set(n.tableNo, (acc.get(n.tableNo) ?? 0) + 1), new Map<string, number>())];

  return (
    <section aria-label={m.preview} className="mt-5 space-y-5 border-t border-slate-100 pt-5">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="mr-1 text-slate-700">{fill(m.fileInfo, { file: p.fileName, sheets: p.sheets.length, rows: c.rows })}</span>
        <Badge tone="blue">＋ {m.summary.create} {c.create}</Badge>
        <Badge tone="amber">✎ {m.summary.update} {c.update}</Badge>
        <Badge tone="slate">＝ {m.summary.unchanged} {c.unchanged}</Badge>
        {c.error > 0 && <Badge tone="red">✖ {m.summary.error} {c.error}</Badge>}
        <Badge tone="slate">∅ {m.summary.notInFile} {c.notInFile}</Badge>
      </div>

      <div className="flex flex-wrap items-center gap-4">
        {c.errors > 0 ? (
          <p id="import-decision" className="flex-1 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm font-medium text-red-800">✖ {fill(m.blocked, { n: c.errors })}</p>
        ) : c.create + c.update === 0 ? (
          <p id="import-decision" className="flex-1 rounded border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">✓ {m.nothing}</p>
        ) : (
          <p id="import-decision" className="flex-1 rounded border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-900">
            {m.confirmHint}
            {c.warnings > 0 && <span className="mt-1 block text-amber-900">⚠ {fill(m.warningsOnly, { n: c.warnings })}</span>}
          </p>
        )}
        <Button type="button" onClick={onConfirm} disabled={!p.canConfirm || pending} aria-describedby="import-decision" size="lg">
          {confirming ? m.confirming : m.confirm}
        </Button>
      </div>

      <div>
        <h3 className="text-sm font-semibold text-slate-800">{counted(m.problems, p.problems.length)}</h3>
        {p.problems.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">✓ {m.noProblems}</p>
        ) : (
          <ul aria-label={m.problems} className="mt-2 divide-y divide-slate-100 rounded border border-slate-200 bg-white">
            {p.problems.map((x, i) => (
              <li key={i} data-severity={x.severity} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-2 text-sm">
                <Badge tone={SEVERITY[x.severity].tone}>{SEVERITY[x.severity].icon} {m.severity[x.severity]}</Badge>
                <span className="font-medium text-slate-900">{placeOf(x)[locale]}</span>
                <span className="min-w-0 flex-1 text-slate-700">{x.message[locale]}</span>
              </li>
            ))}
          </ul>
        )}
      </div>

      <div>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 className="text-sm font-semibold text-slate-800">{m.rows}</h3>
          <div role="group" aria-label={m.rows} className="flex gap-2">
            {(["all", "attention", "unchanged"] as const).map((f) => (
              <button key={f} type="button" aria-pressed={filter === f} onClick={() => setFilter(f)} className={pill(filter === f)}>{m.filter[f]}</button>
            ))}
          </div>
        </div>
        <div className="mt-2 max-h-[36rem] overflow-auto rounded border border-slate-200 bg-white">
          <Table scroll={false} label={m.rows}>
            <thead className="sticky top-0">
              <tr><th>{m.col.place}</th><th>{m.col.name}</th><th>{m.col.result}</th><th>{m.col.detail}</th></tr>
            </thead>
            <tbody>
              {rows.length === 0 && (
                <tr><td colSpan={4} className="text-slate-500">{m.noRows}</td></tr>
              )}
              {rows.map((r) => {
                const probs = problemsOf(r);
                const a = ACTION[r.action];
                const shownChanges = r.action === "create" ? r.changes.filter((ch) => ["target", "lead", "support"].includes(ch.field)) : r.changes;
                return (
                  <tr key={`${r.sheet}-${r.row}`} className={a.row}>
                    <td className="whitespace-nowrap">
                      {r.sheet}
                      <span className="block text-xs text-slate-500">{fill(m.rowNo, { n: r.row })}{r.goalNo ? ` · ${fill(m.goalNo, { n: r.goalNo })}` : ""}</span>
                    </td>
                    <td className="min-w-[14rem]">{r.name || "—"}</td>
                    <td><Badge tone={a.tone}>{a.icon} {m.action[r.action]}</Badge></td>
                    <td className="min-w-[18rem]">
                      <ul className="space-y-0.5">
                        {r.action === "create" && <Hint as="li">{m.newRow}</Hint>}
                        {shownChanges.map((ch) => (
                          <li key={ch.field}>
                            <span className="text-slate-500">{FIELD_LABELS[ch.field][locale]}{colon}</span>
                            {r.action === "update" && (
                              <>
                                <del className="text-slate-500">{value(ch, "before")}</del> <span aria-hidden>→</span>{" "}
                              </>
                            )}
                            <ins className="font-medium text-slate-900 no-underline">{value(ch, "after")}</ins>
                          </li>
                        ))}
                        {probs.map((x, i) => (
                          <li key={`p${i}`} className={x.severity === "error" ? "text-red-800" : x.severity === "warning" ? "text-amber-900" : "text-slate-600"}>
                            {SEVERITY[x.severity].icon} {x.column ? `${x.column}${x.letter ? (locale === "zh" ? `（${x.letter}列）` : ` (column ${x.letter})`) : ""}${colon}` : ""}
                            {x.message[locale]}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </div>
      </div>

      {p.notInFile.length > 0 && (
        <details>
          <summary className="cursor-pointer text-sm font-semibold text-slate-800">
            {counted(m.notInFile, p.notInFile.length)}<span className="ml-2 text-xs font-normal text-slate-600">{m.notInFileHint}</span>
          </summary>
          <ul aria-label={m.notInFile} className="mt-2 space-y-0.5 pl-4 text-sm text-slate-700">
            {listed.map((n) => (
              <li key={n.indicatorId}>表{n.tableNo}{n.goalNo ? ` · ${fill(m.goalNo, { n: n.goalNo })}` : ""} · {n.name}</li>
            ))}
            {wholeTables.map(([table, n]) => (
              <li key={table} className="text-slate-500">{fill(m.wholeTable, { table, n })}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
