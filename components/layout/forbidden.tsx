import { getMessages } from "@/lib/i18n";

/** What a page answers a signed-in user whose role may not open it (lib/access/require.ts). */
export async function Forbidden() {
  const { t } = await getMessages();
  return <p className="text-red-700">{t.errors.forbidden}</p>;
}
