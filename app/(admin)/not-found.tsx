import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFoundPage");
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
      <h1 className="text-xl font-semibold text-slate-900">{t("title")}</h1>
      <Link
        href="/applications"
        className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline"
      >
        {t("back")}
      </Link>
    </div>
  );
}
