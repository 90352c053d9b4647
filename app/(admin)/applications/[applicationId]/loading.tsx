import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations("application");
  return (
    <div className="animate-pulse space-y-4" aria-busy="true" aria-live="polite">
      <span className="sr-only">{t("loadingOrder")}</span>
      <div className="h-40 rounded-xl bg-slate-200/70" />
      <div className="h-24 rounded-xl bg-slate-200/70" />
      <div className="h-72 rounded-xl bg-slate-200/70" />
    </div>
  );
}
