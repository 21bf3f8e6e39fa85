import Link from "next/link";
import { getMessages } from "@/lib/i18n/server";
import { requireUser } from "@/lib/auth/require";
import { DEFAULT_YEAR, listProjects } from "@/lib/catalogue/queries";
import { PageHeader } from "@/components/ui/card";

export default async function EvaluationIndex() {
  const user = await requireUser("/evaluation");
  const { t } = await getMessages();
  if (!["evaluator", "manager", "admin"].includes(user.role)) return <p className="text-red-700">{t.errors.forbidden}</p>;
  const projects = await listProjects(DEFAULT_YEAR);
  return (
    <>
      <PageHeader title={t.evaluation.title} subtitle={`${DEFAULT_YEAR} · 项目支出绩效自评表`} />
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {projects.map((p) => (
          <li key={p.code}>
            <Link href={`/evaluation/${p.code}`} className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
              <div className="text-xs text-slate-500">表{p.tableNo} · {p.code}</div>
              <div className="mt-1 font-semibold">{p.name}</div>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
