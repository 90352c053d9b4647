"use client";
// Not shipped — cancel: lines and quantities (or everything not sent), a reason, a note.
import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { EverythingField, NoteField, ReasonField } from "../fields";
import { OperationFrame } from "../operation-frame";
import { PickItems } from "../picking-table";
import { type OperationContext, useOperationForm } from "../use-operation-form";

export function CancelForm({ ctx }: { ctx: OperationContext }) {
  const t = useTranslations("fields");
  const op = useOperationForm("cancel", ctx);
  const everything = useWatch({ control: op.form.control, name: "everything" }) === true;
  return (
    <OperationFrame
      op={op}
      table={
        <PickItems
          lines={ctx.view.lines}
          pick={{ kind: "cancel", everything, locked: ctx.locked }}
          issues={op.issues.lines}
        />
      }
    >
      <EverythingField label={t("everything.cancel")} />
      <ReasonField />
      <NoteField />
    </OperationFrame>
  );
}
