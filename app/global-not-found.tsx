// Unmatched URLs (no route at all). The only root layout sits in the (admin) route group, so this page brings its
// own document; it reads the language cookie like the staff pages do. (A `notFound()` inside
// a staff page shows app/(admin)/not-found.tsx in the normal layout.)
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { MessageCard } from "@/components/layout/message-card";
import "./globals.css";

export const metadata: Metadata = { title: "404 · Skip Pay Orders", robots: { index: false } };

export default async function GlobalNotFound() {
  const locale = await getLocale();
  const t = await getTranslations("notFoundPage");
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">
        <main className="mx-auto max-w-xl px-4 py-16">
          <MessageCard title={t("title")} back={t("back")} />
        </main>
      </body>
    </html>
  );
}
