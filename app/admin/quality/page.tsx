import Link from "next/link";
import { redirect } from "next/navigation";
import { getMessages } from "@/lib/i18n/server";
import { currentUser } from "@/lib/auth";
import { DEFAULT_YEAR } from "@/lib/catalogue/queries";
import { qualityReport } from "@/lib/catalogue/quality";
import { Badge, Card, PageHeader } from "@/components/ui/card";

export default async function QualityPage() {
  const user = await currentUser();
  if (!user) redirect("/login?next=/admin/quality");
  const { t, locale } = await getMessages();
  if (user.role !== "admin") return <p className="text-red-700">{t.errors.forbidden}</p>;
  const { issues, names } = await qualityReport(DEFAULT_YEAR);
  const warnings = issues.filter((i) => i.severity === "warning").length;
  return (
    <>
      <PageHeader title={t.quality.title} subtitle={t.quality.intro}>
        <div className="flex gap-2 text-sm">
          <Badge tone="amber">⚠ {t.quality.severity.warning} {warnings}</Badge>
          <Badge tone="slate">ℹ {t.quality.severity.info} {issues.length - warnings}</Badge>
        </div>
      </PageHeader>
      <Card>
        <ul className="divide-y divide-slate-100">
          {issues.map((i, n) => (
            <li key={n} className="flex flex-wrap items-start gap-3 py-3" data-code={i.code}>
              <Badge tone={i.severity === "warning" ? "amber" : "slate"}>{i.severity === "warning" ? "⚠" : "ℹ"} {t.quality.severity[i.severity]}</Badge>
              <div className="min-w-0 flex-1">
                <p className="text-sm text-slate-900">{locale === "zh" ? i.zh : i.en}</p>
                <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs">
                  {i.rowIds.slice(0, 6).map((id) => (
                    <Link key={id} href={`/indicators/${id}`} className="text-brand-700 hover:underline">{names.get(id)}</Link>
                  ))}
                  {i.rowIds.length > 6 && <span className="text-slate-500">+{i.rowIds.length - 6}</span>}
                </p>
              </div>
              <code className="text-xs text-slate-400">{i.code}</code>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
