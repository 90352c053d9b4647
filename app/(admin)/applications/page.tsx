import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ApplicationList } from "@/components/applications/application-list";
import { Alert } from "@/components/ui/alert";
import { inputClass } from "@/components/ui/field";
import { lookupApplication } from "@/lib/applications/service";
import { requirePageStaff } from "@/lib/auth/session";
import { listApplications, SORTS } from "@/lib/db/applications";
import { getDb } from "@/lib/db/client";
import { APPLICATION_STATES } from "@/lib/skippay/schemas";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("list");
  return { title: t("title") };
}

const PAGE_SIZE = 25;

/** The URL holds every filter, so a link to a filtered list can be shared. Bad values fall back to defaults. */
const searchSchema = z.object({
  q: z.string().trim().max(100).catch(""),
  state: z.enum(APPLICATION_STATES).optional().catch(undefined),
  sort: z.enum(SORTS).catch("-updated"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  lookup: z.enum(["1"]).optional().catch(undefined),
});

export default async function ApplicationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const raw = await searchParams;
  const query = new URLSearchParams(
    Object.entries(raw).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])),
  ).toString();
  await requirePageStaff("view", query ? `/applications?${query}` : "/applications");
  const t = await getTranslations("list");
  const params = searchSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );

  // The search box asks Skip Pay too: an application id, order number or variable symbol opens the application.
  let notFoundAtSkipPay = false;
  if (params.q && params.lookup) {
    const id = await lookupApplication(params.q);
    if (id) redirect(`/applications/${encodeURIComponent(id)}`);
    notFoundAtSkipPay = true;
  }

  const { rows, total } = await listApplications(await getDb(), {
    q: params.q || undefined,
    state: params.state,
    sort: params.sort,
    page: params.page,
    pageSize: PAGE_SIZE,
  });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const href = (changes: Partial<typeof params>) => {
    const next = { ...params, lookup: undefined, ...changes };
    const query = new URLSearchParams();
    if (next.q) query.set("q", next.q);
    if (next.state) query.set("state", next.state);
    if (next.sort !== "-updated") query.set("sort", next.sort);
    if (next.page > 1) query.set("page", String(next.page));
    const s = query.toString();
    return s ? `/applications?${s}` : "/applications";
  };

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
      </div>

      <search>
        <form action="/applications" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <input type="hidden" name="lookup" value="1" />
          <div className="flex flex-col gap-3 md:flex-row md:items-end">
            <label className="block flex-1 text-sm">
              <span className="font-medium text-slate-800">{t("searchLabel")}</span>
              <input
                name="q"
                type="search"
                defaultValue={params.q}
                placeholder={t("searchPlaceholder")}
                className={`${inputClass} mt-1`}
                autoComplete="off"
              />
            </label>
            <label className="block text-sm md:w-48">
              <span className="font-medium text-slate-800">{t("stateFilter")}</span>
              <select name="state" defaultValue={params.state ?? ""} className={`${inputClass} mt-1`}>
                <option value="">{t("allStates")}</option>
                {APPLICATION_STATES.map((s) => (
                  <option key={s} value={s}>
                    {t(`stateOption.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="block text-sm md:w-56">
              <span className="font-medium text-slate-800">{t("sortLabel")}</span>
              <select name="sort" defaultValue={params.sort} className={`${inputClass} mt-1`}>
                {SORTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`sort.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="submit"
              className="h-10 rounded-md bg-brand-600 px-4 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
            >
              {t("searchButton")}
            </button>
          </div>
        </form>
      </search>

      {notFoundAtSkipPay && rows.length === 0 && (
        <Alert tone="info" title={t("notFoundTitle", { q: params.q })}>
          {t("notFoundBody")}
        </Alert>
      )}

      {rows.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-10 text-center text-sm text-slate-600">
          {params.q || params.state ? t("emptyFiltered") : t("empty")}
        </p>
      ) : (
        <ApplicationList rows={rows} />
      )}

      <nav aria-label={t("pagination")} className="flex items-center justify-between text-sm text-slate-600">
        <p>
          {t("showing", {
            from: total === 0 ? 0 : (params.page - 1) * PAGE_SIZE + 1,
            to: Math.min(total, params.page * PAGE_SIZE),
            total,
          })}
        </p>
        <div className="flex gap-2">
          {params.page > 1 ? (
            <Link
              href={href({ page: params.page - 1 })}
              className="rounded-md px-3 py-1.5 ring-1 ring-slate-300 hover:bg-slate-100"
            >
              {t("previous")}
            </Link>
          ) : null}
          {params.page < pages ? (
            <Link
              href={href({ page: params.page + 1 })}
              className="rounded-md px-3 py-1.5 ring-1 ring-slate-300 hover:bg-slate-100"
            >
              {t("next")}
            </Link>
          ) : null}
        </div>
      </nav>
    </div>
  );
}
