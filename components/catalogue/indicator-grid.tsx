import type { Messages } from "@/lib/i18n/client";
import type { IndicatorRow } from "@/lib/catalogue";
import { TargetBadge } from "./target-badge";
import { LightBadge } from "@/components/status/light-badge";
import type { Light } from "@/lib/status";
import { Sparkline } from "@/components/charts/sparkline";
import { fill } from "@/lib/i18n/client";
import { Table, TextLink } from "@/components/ui/controls";

export type Progress = { light: Light; ratio: number | null; explanation: string; reported: number; offices: number; latest: string | null; trend: (number | null)[] };

/** rowSpan for merged 一级/二级 cells: the first row of each run gets the run's length, the rest 0. */
export function spans<T>(rows: T[], key: (r: T) => string): number[] {
  const out = new Array<number>(rows.length).fill(0);
  for (let i = 0; i < rows.length; ) {
    let j = i + 1;
    while (j < rows.length && key(rows[j]) === key(rows[i])) j++;
    out[i] = j - i;
    i = j;
  }
  return out;
}

export function IndicatorGrid({ rows, t, term, progress }: { rows: IndicatorRow[]; t: Messages; term: string; progress?: Map<number, Progress> }) {
  const annual = term === "annual";
  const hasBasis = rows.some((r) => r.basis);
  const l1 = spans(rows, (r) => r.level1);
  const l2 = spans(rows, (r) => `${r.level1}/${r.level2}`);
  const value = (r: IndicatorRow, year: number) => r.values.find((v) => v.year === year)?.printed ?? "";
  return (
    <Table>
        <thead>
          <tr>
            <th scope="col">{t.grid.level1}</th>
            <th scope="col">{t.grid.level2}</th>
            <th scope="col">{t.grid.level3}</th>
            {annual ? (
              <>
                <th scope="col" className="text-right">{t.grid.v2022}</th>
                <th scope="col" className="text-right">{t.grid.v2023}</th>
                <th scope="col" className="text-right">{t.grid.v2024}</th>
              </>
            ) : (
              <th scope="col" className="text-right">{t.grid.value}</th>
            )}
            {hasBasis && <th scope="col">{t.grid.basis}</th>}
            <th scope="col">{t.grid.office}</th>
            <th scope="col">{t.grid.target}</th>
            {progress && (
              <>
                <th scope="col" className="text-right">{t.report.latest}</th>
                <th scope="col" className="text-right">{t.dashboardTable.achievement}</th>
                <th scope="col">{t.grid.trend}</th>
                <th scope="col">{t.report.light}</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.id} data-indicator-id={r.id}>
              {l1[i] > 0 && <td rowSpan={l1[i]} className="merged">{r.level1}</td>}
              {l2[i] > 0 && <td rowSpan={l2[i]} className="merged">{r.level2}</td>}
              <td className="min-w-48">
                <TextLink href={`/indicators/${r.id}`}>{r.level3}</TextLink>
              </td>
              {annual && <td className="num text-slate-600">{value(r, 2022)}</td>}
              {annual && <td className="num text-slate-600">{value(r, 2023)}</td>}
              <td className="num font-medium">{r.targetText}</td>
              {hasBasis && <td className="whitespace-nowrap">{r.basis}</td>}
              <td className="text-xs">
                {r.officeText && <div className="font-medium text-slate-800">{r.officeText}</div>}
                <div className="text-slate-500">{officeSummary(r)}</div>
              </td>
              <td><TargetBadge row={r} t={t} /></td>
              {progress && <ProgressCells p={progress.get(r.id)} t={t} />}
            </tr>
          ))}
        </tbody>
      </Table>
  );
}

/** Resolved organisations, short names first; "九个单位" style summary when many. */
function officeSummary(r: IndicatorRow): string {
  const names = r.orgs.map((o) => o.organization.shortName ?? o.organization.name);
  if (r.officeText && names.length === 1 && names[0] === r.officeText) return "";
  return names.length > 3 ? `${names.slice(0, 2).join("、")} 等 ${names.length} 个单位` : names.join("、");
}

function ProgressCells({ p, t }: { p: Progress | undefined; t: Messages }) {
  if (!p) return <><td /><td /><td /><td /></>;
  return (
    <>
      <td className="num text-xs">{p.offices > 1 ? fill(t.grid.reportedOf, { n: p.reported, m: p.offices }) : (p.latest ?? "—")}</td>
      <td className="num">{p.ratio == null ? "—" : `${Math.floor(p.ratio * 1000) / 10}%`}</td>
      <td><Sparkline values={p.trend} label={t.grid.trend} /></td>
      <td title={p.explanation}><LightBadge light={p.light} t={t} /></td>
    </>
  );
}
