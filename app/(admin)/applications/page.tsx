import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ApplicationList } from "@/components/applications/application-list";
import { ListFilters } from "@/components/applications/list-filters";
import { ListPager } from "@/components/applications/list-pager";
import { ReportBanner } from "@/components/applications/report-banner";
import { ClientMessages } from "@/components/layout/client-messages";
import { Alert } from "@/components/ui/alert";
import { lookupApplication } from "@/lib/applications/service";
import { requirePageStaff } from "@/lib/auth/session";
import { listStaff } from "@/lib/auth/users";
import {
  type Cursor,
  decodeCursor,
  encodeCursor,
  listApplications,
  type PageAt,
} from "@/lib/db/applications";
import { getDb } from "@/lib/db/client";
import { DEFAULT_SORT, PAGE_SIZE, SORTS, shortQuery } from "@/lib/list-options";
import { OPERATION_REASONS } from "@/lib/orders/operation-kinds";
import { figureFilter, INTENT_KINDS } from "@/lib/reports/range";
import { APPLICATION_STATES, CANCEL_REASONS, FINANCING_TYPES, STATE_REASONS } from "@/lib/skippay/enums";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("list");
  return { title: t("title") };
}

const day = z.iso.date().optional().catch(undefined);

/**
 * The URL holds every filter and the page (a keyset cursor), so a link to a filtered list can be shared. Bad
 * values fall back to defaults; an unknown parameter (the old `page=5`) is ignored.
 */
const searchSchema = z.object({
  q: z.string().trim().max(100).catch(""),
  state: z
    .enum([...APPLICATION_STATES, ...STATE_REASONS])
    .optional()
    .catch(undefined),
  type: z.enum(FINANCING_TYPES).optional().catch(undefined),
  from: day,
  to: day,
  sort: z.enum(SORTS).catch(DEFAULT_SORT),
  after: z.string().max(2_000).optional().catch(undefined),
  before: z.string().max(2_000).optional().catch(undefined),
  last: z.enum(["1"]).optional().catch(undefined),
  lookup: z.enum(["1"]).optional().catch(undefined),
  // The operations behind a report's figure (lib/reports/range.ts `figureHref`): "none" = no reason / unknown type.
  opFrom: day,
  opTo: day,
  opMetric: z.enum(["cancelled", "returned", "refunded"]).optional().catch(undefined),
  opKind: z.enum(INTENT_KINDS).optional().catch(undefined),
  opReason: z
    .enum([...OPERATION_REASONS, ...CANCEL_REASONS, "none"])
    .optional()
    .catch(undefined),
  opActor: z.string().trim().min(1).max(100).optional().catch(undefined),
  opType: z
    .enum([...FINANCING_TYPES, "none"])
    .optional()
    .catch(undefined),
});

const OPERATION_PARAMS = ["opFrom", "opTo", "opMetric", "opKind", "opReason", "opActor", "opType"] as const;

export default async function ApplicationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const raw = await searchParams;
  const posted = new URLSearchParams(
    Object.entries(raw).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])),
  );
  const query = posted.toString();
  await requirePageStaff("view", query ? `/applications?${query}` : "/applications");
  const short = shortQuery(posted);
  if (short !== null) redirect(short ? `/applications?${short}` : "/applications");
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

  const filters = {
    q: params.q || undefined,
    state: params.state,
    type: params.type,
    from: params.from,
    to: params.to,
    sort: params.sort,
    operation: figureFilter(params),
  };
  // A figure per staff member names them in the banner (the journal keeps their id).
  const actorId = filters.operation?.actorId;
  const actorName = actorId
    ? (await listStaff(await getDb())).find((person) => person.id === actorId)?.name
    : undefined;
  const after = decodeCursor(params.after, params.sort);
  const before = decodeCursor(params.before, params.sort);
  const at: PageAt = after
    ? { at: "after", cursor: after }
    : before
      ? { at: "before", cursor: before }
      : params.last
        ? { at: "last" }
        : { at: "first" };
  const page = await listApplications(await getDb(), filters, at, PAGE_SIZE);

  const href = (position: { after?: Cursor; before?: Cursor; last?: boolean }) => {
    const search = new URLSearchParams();
    if (filters.q) search.set("q", filters.q);
    if (filters.state) search.set("state", filters.state);
    if (filters.type) search.set("type", filters.type);
    if (filters.from) search.set("from", filters.from);
    if (filters.to) search.set("to", filters.to);
    if (filters.operation)
      for (const key of OPERATION_PARAMS) {
        const value = params[key];
        if (value) search.set(key, value);
      }
    if (filters.sort !== DEFAULT_SORT) search.set("sort", filters.sort);
    if (position.after) search.set("after", encodeCursor(position.after));
    if (position.before) search.set("before", encodeCursor(position.before));
    if (position.last) search.set("last", "1");
    const s = search.toString();
    return s ? `/applications?${s}` : "/applications";
  };
  const filtered = !!(
    filters.q ||
    filters.state ||
    filters.type ||
    filters.from ||
    filters.to ||
    filters.operation
  );
  const pastEnd = page.rows.length === 0 && page.total.value > 0 && at.at !== "first";

  return (
    <ClientMessages part="list">
      <div className="space-y-5">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
        </div>

        <ListFilters values={{ ...filters, q: params.q }} filtered={filtered} />
        {filters.operation && <ReportBanner filter={filters.operation} actorName={actorName} />}

        {notFoundAtSkipPay && page.rows.length === 0 && (
          <Alert tone="info" title={t("notFoundTitle", { q: params.q })}>
            {t("notFoundBody")}
          </Alert>
        )}
        {page.searchTooShort && (
          <p className="text-sm text-slate-600">{t("searchTooShort", { q: params.q })}</p>
        )}

        {pastEnd ? (
          <div className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-10 text-center text-sm text-slate-600">
            <p className="font-medium text-slate-800">{t("pastEnd")}</p>
            <p className="mt-1">{t("pastEndBody")}</p>
            <p className="mt-3">
              <Link
                href={at.at === "before" ? href({}) : href({ last: true })}
                className="text-brand-700 hover:underline"
              >
                {at.at === "before" ? t("toFirstPage") : t("toLastPage")}
              </Link>
            </p>
          </div>
        ) : page.rows.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-10 text-center text-sm text-slate-600">
            {filtered ? t("emptyFiltered") : t("empty")}
          </p>
        ) : (
          <ApplicationList rows={page.rows} />
        )}

        <ListPager
          page={page}
          links={{
            first: page.before !== 0 ? href({}) : undefined,
            previous: page.before !== 0 && page.firstCursor ? href({ before: page.firstCursor }) : undefined,
            next: page.after !== 0 && page.lastCursor ? href({ after: page.lastCursor }) : undefined,
            last: page.after !== 0 ? href({ last: true }) : undefined,
          }}
        />
      </div>
    </ClientMessages>
  );
}
