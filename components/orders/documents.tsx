// The order's documents at Skip Pay (invoices, credit notes, …): type, file, description, variable symbol. Their
// links come from the latest read of the order (Skip Pay's own links last an hour). Presentational.
import { useTranslations } from "next-intl";
// The enum from enums.ts, not schemas.ts: the wire schemas (and zod) would join the order page's first load.
import { DOCUMENT_TYPES } from "@/lib/skippay/enums";
import type { DocumentResponse } from "@/lib/skippay/schemas";
import { cardClass } from "../ui/class-names";

const isKnownType = (type: string): type is (typeof DOCUMENT_TYPES)[number] =>
  (DOCUMENT_TYPES as readonly string[]).includes(type);

/** Only web links are offered to open: a data: URL or anything else stays plain text. */
const isWebLink = (url: string) => /^https?:\/\//i.test(url);

export function OrderDocuments({ documents }: { documents: readonly DocumentResponse[] }) {
  const t = useTranslations("documents");
  return (
    <section aria-labelledby="documents-heading" className={cardClass}>
      <h2 id="documents-heading" className="text-base font-semibold text-slate-900">
        {t("title")}
      </h2>
      {documents.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100 text-sm">
          {documents.map((d, i) => {
            const name = d.file.filename || t("file");
            return (
              // Skip Pay gives documents no id; their order is stable (oldest first).
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={i} className="py-2">
                <p className="font-medium text-slate-800">
                  {isKnownType(d.type) ? t(`type.${d.type}`) : d.type}
                  {": "}
                  {isWebLink(d.file.url) ? (
                    <a
                      href={d.file.url}
                      target="_blank"
                      rel="noopener noreferrer"
                      className="break-words text-brand-700 hover:underline"
                    >
                      {name}
                    </a>
                  ) : (
                    <span className="break-words">{name}</span>
                  )}
                </p>
                {(d.description || d.extraData?.variableSymbol) && (
                  <p className="mt-0.5 text-xs text-slate-600">
                    {[
                      d.description,
                      d.extraData?.variableSymbol && t("variableSymbol", { vs: d.extraData.variableSymbol }),
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
