"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useTransition } from "react";
import { DEFAULT_SORT, listHref, SORTS, type Sort } from "@/lib/list-options";
import { APPLICATION_STATES, FINANCING_TYPES, STATE_REASONS } from "@/lib/skippay/enums";
import { inputClass } from "../ui/field";
import { useServerRenderedInput } from "../ui/use-server-rendered-input";

export interface FilterValues {
  q: string;
  state?: string;
  type?: string;
  from?: string;
  to?: string;
  sort: Sort;
}

const FIELDS = ["q", "state", "type", "from", "to", "sort"] as const;

/** The URL for what the form holds (lib/list-options.ts listHref). */
function urlOf(form: HTMLFormElement, submitter?: HTMLElement | null): string {
  const fields = [...new FormData(form, submitter)].filter(
    (entry): entry is [string, string] => typeof entry[1] === "string",
  );
  return listHref(fields);
}

/**
 * The search box and the filters. A plain GET form, so it works before (and without) JavaScript: the Search
 * button applies everything. Once interactive, each filter applies as it changes (dates a moment after the last
 * keystroke); the search box still waits for Enter or Search, which also opens an exact match.
 */
export function ListFilters({ values, filtered }: { values: FilterValues; filtered: boolean }) {
  const t = useTranslations("list");
  const tStates = useTranslations("states");
  const tFinancing = useTranslations("financingTypes");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  const go = useRef((_url: string) => {});
  go.current = (url: string) => startTransition(() => router.push(url, { scroll: false }));

  useEffect(() => {
    const element = form.current;
    if (!element) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = (event: Event) => {
      const target = event.target as HTMLInputElement | HTMLSelectElement;
      if (target.name === "q") return;
      clearTimeout(timer);
      // A year still being typed ("0020" on the way to 2026) is nobody's date: wait for the rest of it.
      if (target.type === "date" && target.value && target.value < "2000") return;
      // A date changes with every digit typed: wait until the typing stops.
      timer = setTimeout(() => go.current(urlOf(element)), target.type === "date" ? 600 : 0);
    };
    element.addEventListener("change", onChange);
    return () => {
      element.removeEventListener("change", onChange);
      clearTimeout(timer);
    };
  }, []);

  // Filters chosen before the page was interactive show but were not applied: apply them now. The search box
  // still waits for Enter or Search.
  useServerRenderedInput(
    form,
    (element) => {
      const differs = FIELDS.some((name) => {
        const field = element.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
        return (
          name !== "q" && field && field.value !== (values[name] ?? (name === "sort" ? DEFAULT_SORT : ""))
        );
      });
      return differs ? urlOf(element) : null;
    },
    (url) => go.current(url),
  );

  // Back and forward change the URL under the form: show what the page now lists. Not on the first render — what
  // someone typed before the page became interactive must stay.
  const shown = useRef(values);
  useEffect(() => {
    const element = form.current;
    if (!element || shown.current === values) return;
    shown.current = values;
    for (const name of FIELDS) {
      const field = element.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      const value = values[name] ?? (name === "sort" ? DEFAULT_SORT : "");
      if (field && field.value !== value) field.value = value;
    }
  }, [values]);

  const label = "block text-sm";
  const caption = "font-medium text-slate-800";
  return (
    <search>
      <form
        ref={form}
        action="/applications"
        onSubmit={(event) => {
          event.preventDefault();
          go.current(urlOf(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter));
        }}
        className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
        aria-busy={pending || undefined}
      >
        <div className="flex flex-col gap-3 md:flex-row md:items-end">
          <label className={`${label} flex-1`}>
            <span className={caption}>{t("searchLabel")}</span>
            <input
              name="q"
              type="search"
              defaultValue={values.q}
              placeholder={t("searchPlaceholder")}
              className={`${inputClass} mt-1`}
              autoComplete="off"
            />
          </label>
          {/* The first submit button: Enter in the search box sends lookup=1, so an exact match opens. */}
          <button
            type="submit"
            name="lookup"
            value="1"
            className="h-10 rounded-md bg-brand-600 px-4 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
          >
            {t("searchButton")}
          </button>
        </div>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5">
          <label className={label}>
            <span className={caption}>{t("stateFilter")}</span>
            <select name="state" defaultValue={values.state ?? ""} className={`${inputClass} mt-1`}>
              <option value="">{t("allStates")}</option>
              {APPLICATION_STATES.map((state) => {
                const substates = STATE_REASONS.filter((s) => s.startsWith(`${state}_`));
                return (
                  <optgroup key={state} label={t(`stateOption.${state}`)}>
                    <option value={state}>
                      {substates.length > 0
                        ? t("allOfState", { state: t(`stateOption.${state}`) })
                        : t(`stateOption.${state}`)}
                    </option>
                    {substates.map((s) => (
                      <option key={s} value={s}>
                        {tStates(`substate.${s}`)}
                      </option>
                    ))}
                  </optgroup>
                );
              })}
            </select>
          </label>
          <label className={label}>
            <span className={caption}>{t("typeFilter")}</span>
            <select name="type" defaultValue={values.type ?? ""} className={`${inputClass} mt-1`}>
              <option value="">{t("allTypes")}</option>
              {FINANCING_TYPES.map((type) => (
                <option key={type} value={type}>
                  {tFinancing(type)}
                </option>
              ))}
            </select>
          </label>
          <label className={label}>
            <span className={caption}>{t("updatedFrom")}</span>
            <input
              name="from"
              type="date"
              defaultValue={values.from ?? ""}
              max={values.to}
              className={`${inputClass} mt-1`}
            />
          </label>
          <label className={label}>
            <span className={caption}>{t("updatedTo")}</span>
            <input
              name="to"
              type="date"
              defaultValue={values.to ?? ""}
              min={values.from}
              className={`${inputClass} mt-1`}
            />
          </label>
          <label className={label}>
            <span className={caption}>{t("sortLabel")}</span>
            <select name="sort" defaultValue={values.sort} className={`${inputClass} mt-1`}>
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`sort.${s}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {/* One row that is always there: "Clear filters" appearing does not push the list down. */}
        <div className="flex min-h-5 items-center justify-between gap-3">
          <p aria-live="polite" className="text-xs text-slate-500">
            {pending ? t("updating") : ""}
          </p>
          {filtered && (
            <Link href="/applications" className="text-sm text-brand-700 hover:underline">
              {t("clearFilters")}
            </Link>
          )}
        </div>
      </form>
    </search>
  );
}
