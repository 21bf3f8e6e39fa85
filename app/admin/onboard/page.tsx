import { getMessages } from "@/lib/i18n";
import { requirePermission } from "@/lib/access/require";
import { Forbidden } from "@/components/layout/forbidden";
import { PageHeader } from "@/components/ui/card";
import { OnboardForm } from "./onboard-form";

/** Issue 12: a department's published budget in, through a review of every table read from it. */
export default async function OnboardPage() {
  const user = await requirePermission("onboard.run", "/admin/onboard");
  const { t, locale } = await getMessages();
  if (!user) return <Forbidden />;
  return (
    <>
      <PageHeader title={t.onboard.title} subtitle={t.onboard.intro} />
      <OnboardForm m={t.onboard} grid={t.grid} locale={locale} />
    </>
  );
}
