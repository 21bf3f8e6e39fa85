import { getMessages } from "@/lib/i18n";
import { LoginForm } from "@/components/layout/login-form";
import { env } from "@/lib/env";
import { ssoProvider } from "@/lib/auth";
import { ssoAction } from "./actions";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { t } = await getMessages();
  const { next } = await searchParams;
  return (
    <div className="mx-auto mt-10 max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-5 text-lg font-semibold">{t.login.title}</h1>
      <LoginForm t={t} next={typeof next === "string" ? next : "/"} />
      {ssoProvider(env) && (
        <form action={ssoAction} className="mt-4 border-t border-slate-100 pt-4">
          <input type="hidden" name="next" value={typeof next === "string" ? next : "/"} />
          <button type="submit" className="w-full rounded border border-slate-300 py-2 text-sm hover:bg-slate-50">{env.OIDC_NAME}</button>
        </form>
      )}
    </div>
  );
}
