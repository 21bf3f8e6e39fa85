import { getMessages } from "@/lib/i18n/server";
import { LoginForm } from "@/components/layout/login-form";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { t } = await getMessages();
  const { next } = await searchParams;
  return (
    <div className="mx-auto mt-10 max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-5 text-lg font-semibold">{t.login.title}</h1>
      <LoginForm t={t} next={typeof next === "string" ? next : "/"} />
    </div>
  );
}
