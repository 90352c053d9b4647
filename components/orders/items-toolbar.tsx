"use client";
// Above the lines, for an operation that picks them: select all that is shown (the filtered lines only), say how
// many are shown, and — when a filter hides some — offer all of them as a separate step.
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { ELIGIBLE } from "@/lib/orders/eligibility";
import type { OrderLine } from "@/lib/orders/lines";
import { MILLI } from "@/lib/orders/quantity";
import { Button } from "../ui/button";
import type { LinePick } from "./types";

export function ItemsToolbar({
  lines,
  matching,
  pick,
  filtered,
  error,
}: {
  lines: OrderLine[];
  /** The indexes of the lines the filter shows. */
  matching: number[];
  pick: LinePick;
  filtered: boolean;
  /** The form's error for the lines as a whole ("choose at least one"). */
  error: string | undefined;
}) {
  const t = useTranslations("items");
  const tErr = useTranslations("formErrors");
  const { setValue, getValues, control } = useFormContext();
  const values = useWatch({ control, name: "lines" }) as { key: string; quantity: string }[] | undefined;
  // What each line can take at most; lines Skip Pay cannot address alone take nothing.
  const eligible = useMemo(
    () => lines.map((l) => (l.ambiguousWith.length > 0 ? 0 : ELIGIBLE[pick.kind](l))),
    [lines, pick.kind],
  );
  const selectable = (indexes: number[]) => indexes.filter((i) => (eligible[i] ?? 0) > 0);
  const shown = selectable(matching);
  const all = selectable(lines.map((_, i) => i));
  const full = (i: number) => String(values?.[i]?.quantity ?? "") === String((eligible[i] ?? 0) / MILLI);
  const shownChosen = shown.length > 0 && shown.every(full);
  const allChosen = all.length > 0 && all.every(full);
  /** Sets the quantity of these lines (all they can take, or none), leaving every other line as it is. */
  const fill = (indexes: number[], on: boolean) => {
    const next = [...((getValues("lines") as { key: string; quantity: string }[]) ?? [])];
    for (const i of indexes) {
      const line = lines[i];
      if (line) next[i] = { key: line.key, quantity: on ? String((eligible[i] ?? 0) / MILLI) : "" };
    }
    // No dirty tracking: nothing reads it, and for a long order it costs O(lines²) per change.
    setValue("lines", next, { shouldValidate: false });
  };
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg bg-slate-50 px-3 py-2 text-sm">
      <label className="inline-flex items-center gap-2 font-medium text-slate-800">
        <input
          type="checkbox"
          className="size-4 rounded border-slate-300 accent-brand-600"
          checked={shownChosen || pick.everything}
          disabled={shown.length === 0 || pick.everything || pick.locked}
          onChange={(e) => fill(shown, e.target.checked)}
        />
        {t(filtered ? `selectShown.${pick.kind}` : `selectAll.${pick.kind}`, { count: shown.length })}
      </label>
      {filtered && (
        <>
          <span className="text-slate-600" aria-live="polite">
            {t("shownOf", { shown: matching.length, count: lines.length })}
          </span>
          {!allChosen && !pick.everything && all.length > shown.length && (
            <Button size="sm" onClick={() => fill(all, true)} disabled={pick.locked}>
              {t("selectEvery", { count: all.length })}
            </Button>
          )}
        </>
      )}
      {error && (
        <p className="w-full text-sm font-medium text-red-700" role="alert">
          {tErr.has(error) ? tErr(error) : error}
        </p>
      )}
    </div>
  );
}
