import Link from "next/link";
import { Suspense } from "react";
import type { Locale, Messages } from "@/lib/i18n";
import { setLocale, signOutAction } from "@/app/actions";
import type { YearChoice } from "@/lib/catalogue";
import { YearSelect } from "./year-select";
import { can } from "@/lib/access";
import { TextLink } from "@/components/ui/controls";

type User = { name: string; role: string } | null;

export function AppHeader({ t, locale, user, years }: { t: Messages; locale: Locale; user: User; years: YearChoice | null }) {
  // The finance bureau works city-wide: its one page is /city (department pages are the departments').
  const role = user?.role;
  const links = can(role, "city.view") ? [{ href: "/city", label: t.nav.city }] : [
    ...(can(role, "dashboard.view") ? [{ href: "/dashboard", label: t.nav.dashboard }] : []),
    { href: "/", label: t.nav.home },
    { href: "/catalogue", label: t.nav.catalogue },
    { href: "/projects", label: t.nav.projects },
    ...(can(role, "my.view") ? [{ href: "/my", label: t.nav.my }] : []),
    ...(can(role, "evaluation.read") ? [{ href: "/evaluation", label: t.nav.evaluation }] : []),
    ...(can(role, "report.review") ? [{ href: "/review", label: t.nav.review }] : []),
    ...(can(role, "admin.view") ? [{ href: "/admin", label: t.nav.admin }] : []),
  ];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-baseline gap-2">
          <span className="text-lg font-bold text-brand-700">{t.app.name}</span>
          <span className="hidden text-sm text-slate-500 sm:inline">{t.app.full}</span>
        </Link>
        <nav aria-label="main" className="flex flex-wrap gap-1 text-sm">
          {links.map((l) => (
            <Link key={l.href} href={l.href} className="rounded px-2.5 py-1.5 text-slate-700 hover:bg-slate-100 hover:text-slate-900">
              {l.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          {years && <Suspense><YearSelect years={years.years} year={years.year} latest={years.latest} t={t} /></Suspense>}
          <form action={setLocale}>
            <input type="hidden" name="lang" value={locale === "zh" ? "en" : "zh"} />
            <button type="submit" className="rounded border border-slate-300 px-2 py-1 text-slate-700 hover:bg-slate-50">
              {t.app.switchLang}
            </button>
          </form>
          {user ? (
            <form action={signOutAction} className="flex items-center gap-2">
              <span className="text-slate-600">{user.name}</span>
              <button type="submit" className="text-brand-700 hover:underline">{t.app.signOut}</button>
            </form>
          ) : (
            <TextLink href="/login">{t.app.signIn}</TextLink>
          )}
        </div>
      </div>
    </header>
  );
}
