import Link from "next/link";
import { getMessages } from "@/lib/i18n";
import { requirePermission } from "@/lib/access/require";
import { Forbidden } from "@/components/layout/forbidden";
import { monthParams } from "@/lib/validations";
import { workingYear } from "@/lib/catalogue";
import { qualityWithFixes, weightProblems } from "@/lib/admin";
import { ownDepartment } from "@/lib/auth";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { TextLink } from "@/components/ui/controls";

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The two problems that stop a row from being reported on at all come first, with their counts. */
const BLOCKING = ["unparsed_target", "no_office"] as const;

export default async function QualityPage({ searchParams }: { searchParams: Search }) {
  const user = await requirePermission("quality.view", "/admin/quality");
  const { t, locale } = await getMessages();
  if (!user) return <Forbidden />;
  const a = t.adminTables;
  const raw = await searchParams;
  const code = raw.code;
  const { year } = await workingYear(user, monthParams.parse(raw));
  const [{ issues: all, counts }, weights] = await Promise.all([qualityWithFixes(ownDepartment(user), year), weightProblems(ownDepartment(user), year)]);
  const issues = typeof code === "string" && code ? all.filter((i) => i.code === code) : all;
  const warnings = all.filter((i) => i.severity === "warning").length;
  const pill = (active: boolean) => `rounded border px-2 py-1 text-sm ${active ? "border-brand-600 bg-brand-50 font-medium text-brand-700" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`;
  return (
    <>
      <PageHeader title={t.quality.title} subtitle={t.quality.intro}>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <Badge tone="amber">⚠ {t.quality.severity.warning} {warnings}</Badge>
          <Badge tone="slate">ℹ {t.quality.severity.info} {all.length - warnings}</Badge>
          <Link href="/admin/tables" className="rounded border border-slate-300 bg-white px-2 py-1 text-slate-700 hover:bg-slate-50">{a.summary.manage}</Link>
        </div>
      </PageHeader>
      <nav aria-label={t.quality.title} className="mb-4 flex flex-wrap gap-2">
        <Link href="/admin/quality" aria-current={!code ? "page" : undefined} className={pill(!code)}>{a.summary.all} {all.length}</Link>
        {BLOCKING.map((c) => (
          <Link key={c} href={`/admin/quality?code=${c}`} aria-current={code === c ? "page" : undefined} className={pill(code === c)}>
            {(counts.get(c) ?? 0) > 0 ? "⚠" : "✓"} {a.summary[c]} {counts.get(c) ?? 0}
          </Link>
        ))}
      </nav>
      <Card>
        {issues.length === 0 ? (
          <p className="text-sm text-slate-600">✓ {a.summary.none}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {issues.map((i, n) => (
              <li key={n} className="flex flex-wrap items-start gap-3 py-3" data-code={i.code}>
                <Badge tone={i.severity === "warning" ? "amber" : "slate"}>{i.severity === "warning" ? "⚠" : "ℹ"} {t.quality.severity[i.severity]}</Badge>
                <div className="min-w-0 flex-1">
                  <p className="text-sm text-slate-900">{locale === "zh" ? i.zh : i.en}</p>
                  <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs">
                    {i.fixes.slice(0, 6).map((f) => (
                      <span key={f.id} className="inline-flex items-center gap-1">
                        <TextLink href={f.href}>{f.name}</TextLink>
                        <Link href={f.href} className="rounded border border-brand-600 px-1.5 text-brand-700 hover:bg-brand-50" aria-label={`${a.fix[i.fixAt]}：${f.name}`}>✎ {a.fix[i.fixAt]}</Link>
                      </span>
                    ))}
                    {i.override.map((f) => (
                      <Link key={`o${f.id}`} href={f.href} className="rounded border border-slate-300 px-1.5 text-slate-700 hover:bg-slate-50">{a.fix.override}</Link>
                    ))}
                    {i.fixes.length > 6 && <span className="text-slate-500">+{i.fixes.length - 6}</span>}
                  </p>
                </div>
                <code className="text-xs text-slate-400">{i.code}</code>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {weights.length > 0 && (
        <div className="mt-5">
          <Card title={`⚠ ${t.adminHub.weights}`}>
            <ul className="divide-y divide-slate-100">
              {weights.map((w) => (
                <li key={w.href} className="py-3 text-sm">
                  <Link href={w.href} className="font-medium text-brand-700 hover:underline">{w.name} · ✎ {t.evaluation.weights}</Link>
                  <ul className="mt-1 list-disc pl-5 text-slate-700">{w.problems.map((p, n) => <li key={n}>{p[locale]}</li>)}</ul>
                </li>
              ))}
            </ul>
          </Card>
        </div>
      )}
    </>
  );
}

