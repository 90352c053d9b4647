"use client";
// Shipped — mark sent (date, carrier, tracking number, the payout's variable symbol when the order has none, and
// the invoice's address),
// and Arrived — mark delivered (date). No reason: these are facts, not complaints.
import { useTranslations } from "next-intl";
import { useFormContext, useWatch } from "react-hook-form";
import { needsVariableSymbol } from "@/lib/orders/eligibility";
import type { PlanIssue } from "@/lib/orders/plan-types";
import { DELIVERY_CARRIERS } from "@/lib/skippay/enums";
import { Field, inputClass } from "../../ui/field";
import { DocumentUrlField } from "../document-field";
import { DateField, EverythingField, NoteField, useFieldError } from "../fields";
import { OperationFrame } from "../operation-frame";
import { PickItems } from "../picking-table";
import { type OperationContext, useOperationForm } from "../use-operation-form";

export function ShipForm({ ctx, kind }: { ctx: OperationContext; kind: "send" | "deliver" }) {
  const t = useTranslations("fields");
  const op = useOperationForm(kind, ctx);
  const everything = useWatch({ control: op.form.control, name: "everything" }) === true;
  return (
    <OperationFrame
      op={op}
      table={
        <PickItems
          lines={ctx.view.lines}
          pick={{ kind, everything, locked: ctx.locked }}
          issues={op.issues.lines}
        />
      }
    >
      <EverythingField label={t(`everything.${kind}`)} />
      {kind === "send" ? (
        <>
          <SendDetails
            askVariableSymbol={needsVariableSymbol(ctx.application.order)}
            symbolIssue={op.issues.fields.variableSymbol}
          />
          <DocumentUrlField type="invoice" />
        </>
      ) : (
        <DateField name="deliveryDate" label={t("deliveryDate")} />
      )}
      <NoteField />
    </OperationFrame>
  );
}

function SendDetails({
  askVariableSymbol,
  symbolIssue,
}: {
  askVariableSymbol: boolean;
  symbolIssue?: PlanIssue;
}) {
  const t = useTranslations("fields");
  const carriers = useTranslations("carriers");
  const { register } = useFormContext();
  const carrierError = useFieldError("carrier");
  const trackingError = useFieldError("trackingNumber");
  const symbolError = useFieldError("variableSymbol", symbolIssue);
  return (
    <>
      <DateField name="sentDate" label={t("sentDate")} />
      <Field label={t("carrier")} error={carrierError}>
        {(ids) => (
          <>
            <input
              {...ids}
              list="carriers"
              {...register("carrier")}
              autoComplete="off"
              className={inputClass}
            />
            <datalist id="carriers">
              {DELIVERY_CARRIERS.map((c) => (
                <option key={c} value={c} label={carriers(c)} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label={t("trackingNumber")} error={trackingError}>
        {(ids) => (
          <input {...ids} {...register("trackingNumber")} autoComplete="off" className={inputClass} />
        )}
      </Field>
      {askVariableSymbol && (
        <Field label={t("variableSymbol")} description={t("variableSymbolHint")} error={symbolError}>
          {(ids) => (
            <input
              {...ids}
              {...register("variableSymbol")}
              inputMode="numeric"
              maxLength={10}
              autoComplete="off"
              className={inputClass}
            />
          )}
        </Field>
      )}
    </>
  );
}
