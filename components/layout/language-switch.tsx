"use client";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { Locale } from "@/lib/orders/money";
import { cx } from "../ui/class-names";

/**
 * CS | EN: switches the staff member's language and re-renders the page in it. While it works the chosen button
 * pulses and stays enabled (a disabled button would drop the keyboard's focus); a second press waits. A plain form
 * underneath (app/api/session/locale): pressed before the page is interactive, it posts and the page comes back
 * in the language chosen.
 */
export function LanguageSwitch({ setLocale }: { setLocale: (locale: unknown) => Promise<{ ok: boolean }> }) {
  const t = useTranslations("nav");
  const current = useLocale() as Locale;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [chosen, setChosen] = useState<Locale | null>(null);
  return (
    <form
      method="post"
      action="/api/session/locale"
      onSubmit={(event) => {
        event.preventDefault();
        const locale = ((event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value;
        if (pending || (locale !== "cs" && locale !== "en") || locale === current) return;
        setChosen(locale);
        startTransition(async () => {
          await setLocale(locale);
          router.refresh();
        });
      }}
    >
      <fieldset
        className="flex items-center rounded-md ring-1 ring-slate-300"
        aria-busy={pending || undefined}
      >
        <legend className="sr-only">{t("language")}</legend>
        {(["cs", "en"] as const).map((locale) => (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            aria-pressed={current === locale}
            aria-label={locale === "cs" ? "Čeština" : "English"}
            className={cx(
              "px-2 py-1 text-xs font-semibold uppercase first:rounded-l-md last:rounded-r-md",
              current === locale ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100",
              pending && chosen === locale && "animate-pulse bg-slate-300 text-slate-900",
            )}
          >
            {locale}
          </button>
        ))}
      </fieldset>
    </form>
  );
}
