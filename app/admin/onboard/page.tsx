import { getMessages } from "@/lib/i18n/server";
import { requireUser } from "@/lib/auth/require";
import { PageHeader } from "@/components/ui/card";
import { OnboardForm } from "./onboard-form";

/** Issue 12: a department's published budget in, through a review of every table read from it. */
export default async function OnboardPage() {
  const user = await requireUser("/admin/onboard");
  const { t, locale } = await getMessages();
  if (user.role !== "admin") return <p className="text-red-700">{t.errors.forbidden}</p>;
  return (
    <>
      <PageHeader title={t.onboard.title} subtitle={t.onboard.intro} />
      <OnboardForm m={t.onboard} grid={t.grid} locale={locale} />
    </>
  );
}
