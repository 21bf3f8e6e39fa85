import "server-only";
import { cookies } from "next/headers";
import { messages, type Locale } from "./messages";

export async function getLocale(): Promise<Locale> {
  const c = (await cookies()).get("lang")?.value;
  return c === "en" ? "en" : "zh";
}

export async function getMessages() {
  const locale = await getLocale();
  return { locale, t: messages[locale] };
}
