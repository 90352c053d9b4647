"use client";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { customerMessage, type MessageFacts } from "@/lib/orders/customer-message";
import type { Locale } from "@/lib/orders/money";
import { Button } from "../ui/button";
import { useHydrated } from "../ui/use-hydrated";
import { useServerRenderedInput } from "../ui/use-server-rendered-input";

const LANGUAGES: Locale[] = ["cs", "en"];

/**
 * "What changes for the customer": a ready-to-send explanation of the operation Skip Pay just confirmed, in the
 * customer's language (Czech first — the shop's customers are Czech — whatever the UI language), to copy into an
 * e-mail or chat. Read-only: the facts come from Skip Pay's answer, so the agent cannot mistype an amount.
 */
export function CustomerMessage({
  facts,
  compact = false,
  defaultLanguage = "cs",
  send,
}: {
  facts: MessageFacts;
  compact?: boolean;
  /** The customer's language as far as the application tells (lib/orders/customer-email.ts). */
  defaultLanguage?: Locale;
  /** "Send to the customer" and how that went, for the language chosen. */
  send?: (language: Locale) => React.ReactNode;
}) {
  const t = useTranslations("customerMessage");
  const [language, setLanguage] = useState<Locale>(defaultLanguage);
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);
  const text = customerMessage(language, facts);
  const area = useRef<HTMLTextAreaElement>(null);
  const live = useHydrated();
  const headingId = useId();
  const areaId = useId();
  // A language chosen before the page was interactive shows as chosen: the text and "Send" follow it.
  const languages = useRef<HTMLFieldSetElement>(null);
  useServerRenderedInput(
    languages,
    (fieldset) => fieldset.querySelector<HTMLInputElement>("input:checked")?.value ?? null,
    (checked) => {
      const l = LANGUAGES.find((x) => x === checked);
      if (l) setLanguage(l);
    },
  );

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("copied");
    } catch {
      // No clipboard permission (e.g. an insecure origin): select the text so Ctrl+C takes it.
      area.current?.select();
      setCopied("failed");
    }
  }

  return (
    <section
      aria-labelledby={headingId}
      className={compact ? "mt-2" : "rounded-xl border border-slate-200 bg-white p-4 shadow-sm"}
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        {compact ? (
          <h3 id={headingId} className="text-sm font-semibold">
            {t("heading")}
          </h3>
        ) : (
          <h2 id={headingId} className="text-base font-semibold">
            {t("heading")}
          </h2>
        )}
        <fieldset ref={languages} className="flex items-center gap-3 text-sm">
          <legend className="sr-only">{t("language")}</legend>
          {LANGUAGES.map((l) => (
            <label key={l} className="inline-flex items-center gap-1.5">
              <input
                type="radio"
                name={`${headingId}-language`}
                value={l}
                checked={language === l}
                onChange={() => {
                  setLanguage(l);
                  setCopied(null);
                }}
              />
              {t(`languages.${l}`)}
            </label>
          ))}
        </fieldset>
      </div>
      <label htmlFor={areaId} className="mt-2 block text-sm text-slate-600">
        {t("hint")}
      </label>
      <textarea
        id={areaId}
        ref={area}
        readOnly
        value={text}
        lang={language}
        rows={text.split("\n").length + 2}
        className="mt-2 w-full resize-y rounded-md border border-slate-300 bg-slate-50 p-3 font-sans text-sm"
      />
      <div className="mt-2 flex items-center gap-3">
        <Button size="sm" onClick={copy} disabled={!live}>
          {t("copy")}
        </Button>
        <p aria-live="polite" className="text-sm text-slate-600">
          {copied && t(copied)}
        </p>
      </div>
      {send?.(language)}
    </section>
  );
}
