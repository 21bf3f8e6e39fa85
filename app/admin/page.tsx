import Link from "next/link";
import { getMessages } from "@/lib/i18n";
import { requirePermission } from "@/lib/access/require";
import { Forbidden } from "@/components/layout/forbidden";
import { PageHeader } from "@/components/ui/card";

/** The admin's starting point: one card per kind of upkeep. */
export default async function AdminHub() {
  const user = await requirePermission("admin.view", "/admin");
  const { t } = await getMessages();
  if (!user) return <Forbidden />;
  const a = t.adminHub;
  const cards = [
    { href: "/admin/quality", title: a.quality, hint: a.qualityHint },
    { href: "/admin/tables", title: a.tables, hint: a.tablesHint },
    { href: "/admin/import", title: a.import, hint: a.importHint },
    { href: "/admin/onboard", title: a.onboard, hint: a.onboardHint },
    { href: "/admin/periods", title: a.periods, hint: a.periodsHint },
    { href: "/admin/users", title: a.users, hint: a.usersHint },
    { href: "/admin/orgs", title: a.orgs, hint: a.orgsHint },
  ];
  return (
    <>
      <PageHeader title={a.title} />
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {cards.map((c) => (
          <li key={c.href}>
            <Link href={c.href} className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
              <div className="font-semibold text-slate-900">{c.title}</div>
              <p className="mt-1 text-sm text-slate-600">{c.hint}</p>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
