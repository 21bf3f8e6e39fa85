import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { getMessages } from "@/lib/i18n";
import { currentUser } from "@/lib/auth/session";
import { AppHeader } from "@/components/layout/app-header";
import { workingYear } from "@/lib/catalogue";

export const metadata: Metadata = { title: "绩效 Jixiao", description: "预算绩效目标管理" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { t, locale } = await getMessages();
  const user = await currentUser();
  const years = user ? await workingYear(user) : null;
  return (
    <html lang={locale === "zh" ? "zh-CN" : "en"}>
      <body>
        <AppHeader t={t} locale={locale} user={user} years={years} />
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
