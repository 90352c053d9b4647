"use client";
// New lines for the change-order form: name, code, type, quantity, unit price (a discount's size for DISCOUNT) and
// VAT rate, added and removed one at a time.
import { useTranslations } from "next-intl";
import { useFieldArray, useFormContext } from "react-hook-form";
import { VAT_RATE_CHOICES } from "@/lib/orders/forms/change-order";
import type { PlanIssue } from "@/lib/orders/plan-types";
import { ITEM_TYPES } from "@/lib/skippay/enums";
import { Button } from "../../ui/button";
import { Field, inputClass } from "../../ui/field";
import { useFieldError } from "../fields";

export function AddedLines({ issues }: { issues: Record<string, PlanIssue> }) {
  const t = useTranslations("changeOrder");
  const { control } = useFormContext();
  const { fields, append, remove } = useFieldArray({ control, name: "added" });
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">{t("addedHeading")}</legend>
      {fields.map((f, i) => (
        <div key={f.id} className="space-y-2 rounded-md border border-slate-200 p-3">
          <AddedField index={i} name="name" issue={issues[`added.${i}.name`]} />
          <AddedField index={i} name="code" issue={issues[`added.${i}.code`]} />
          <AddedField index={i} name="type" issue={issues[`added.${i}.type`]} />
          <div className="grid grid-cols-2 gap-2">
            <AddedField index={i} name="quantity" issue={issues[`added.${i}.quantity`]} />
            <AddedField index={i} name="unitPrice" issue={issues[`added.${i}.unitPrice`]} />
          </div>
          <AddedField index={i} name="vatRate" issue={issues[`added.${i}.vatRate`]} />
          <Button onClick={() => remove(i)} className="w-full">
            {t("removeAdded", { n: i + 1 })}
          </Button>
        </div>
      ))}
      <Button
        onClick={() =>
          append({ name: "", code: "", type: "PHYSICAL", quantity: "1", unitPrice: "", vatRate: "21" })
        }
        className="w-full"
      >
        {t("addLine")}
      </Button>
    </fieldset>
  );
}

function AddedField({
  index,
  name,
  issue,
}: {
  index: number;
  name: "name" | "code" | "type" | "quantity" | "unitPrice" | "vatRate";
  issue?: PlanIssue;
}) {
  const t = useTranslations("changeOrder");
  const tTypes = useTranslations("itemTypes");
  const { register, trigger, getFieldState, formState } = useFormContext();
  const path = `added.${index}.${name}`;
  // Adding a line validates the new, still empty line at once: its errors wait until the field is left or
  // changed, or the review is asked for — as every other field's do.
  const { isTouched, isDirty } = getFieldState(path, formState);
  const fieldError = useFieldError(path, issue);
  const error = isTouched || isDirty || formState.isSubmitted ? fieldError : undefined;
  const field = register(path, { onBlur: () => trigger(path) });
  const label = t(`added.${name}`, { n: index + 1 });
  return (
    <Field label={label} error={error}>
      {(ids) =>
        name === "type" ? (
          <select {...ids} {...field} className={inputClass}>
            {ITEM_TYPES.map((type) => (
              <option key={type} value={type}>
                {tTypes.has(type) ? tTypes(type) : type}
              </option>
            ))}
          </select>
        ) : name === "vatRate" ? (
          <select {...ids} {...field} className={inputClass}>
            {VAT_RATE_CHOICES.map((rate) => (
              <option key={rate} value={rate}>
                {rate} %
              </option>
            ))}
          </select>
        ) : (
          <input
            {...ids}
            {...field}
            autoComplete="off"
            inputMode={name === "quantity" || name === "unitPrice" ? "decimal" : undefined}
            className={inputClass}
          />
        )
      }
    </Field>
  );
}
