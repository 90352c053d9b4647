import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function ApplicationNotFound() {
  const t = await getTranslations("application");
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
      <h1 className="text-xl font-semibold text-slate-900">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("notFoundBody")}</p>
      <Link
        href="/applications"
        className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline"
      >
        {t("back")}
      </Link>
    </div>
  );
}
