import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ListPage } from "@/lib/db/applications";

interface PagerLinks {
  first?: string;
  previous?: string;
  next?: string;
  last?: string;
}

/** The rows shown, where they are in the whole list, and the ways to the neighbouring pages. */
function position(t: ReturnType<typeof useTranslations<"list">>, page: ListPage): string {
  const n = page.rows.length;
  if (n === 0) return "";
  const { value: total, kind } = page.total;
  if (page.before === null)
    return kind === "atLeast"
      ? t("showingDeepAtLeast", { count: n, limit: page.countLimit, total })
      : t("showingDeep", { count: n, limit: page.countLimit, total });
  const range = { from: page.before + 1, to: page.before + n, total };
  return kind === "exact"
    ? t("showing", range)
    : kind === "about"
      ? t("showingAbout", range)
      : t("showingAtLeast", range);
}

export function ListPager({ page, links }: { page: ListPage; links: PagerLinks }) {
  const t = useTranslations("list");
  const link = "rounded-md px-3 py-1.5 ring-1 ring-slate-300 hover:bg-slate-100";
  return (
    <nav
      aria-label={t("pagination")}
      className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600"
    >
      <p>{position(t, page)}</p>
      <div className="flex flex-wrap gap-2">
        {links.first && (
          <Link href={links.first} className={link}>
            {t("firstPage")}
          </Link>
        )}
        {links.previous && (
          <Link href={links.previous} className={link}>
            {t("previous")}
          </Link>
        )}
        {links.next && (
          <Link href={links.next} className={link}>
            {t("next")}
          </Link>
        )}
        {links.last && (
          <Link href={links.last} className={link}>
            {t("lastPage")}
          </Link>
        )}
      </div>
    </nav>
  );
}
