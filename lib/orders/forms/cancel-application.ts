// The cancel-application form: Skip Pay's own reason (the one list staff choose from) and an internal note.
import { z } from "zod";
import { CANCEL_REASONS } from "@/lib/skippay/enums";
import type { CancelReason } from "@/lib/skippay/schemas";
import type { CancelApplicationIntent } from "../plan-types";
import { noteField } from "./fields";

const isCancelReason = (s: string): s is CancelReason => (CANCEL_REASONS as readonly string[]).includes(s);

const fields = {
  kind: z.literal("cancel-application"),
  cancelReason: z.string().refine(isCancelReason, "reason_required"),
};
type Fields = z.output<z.ZodObject<typeof fields>>;
const intentOf = (v: Fields): CancelApplicationIntent => ({
  kind: "cancel-application",
  reason: v.cancelReason as CancelReason,
  customReason: null,
});

/** What the live preview plans: any reason will do for it (the plan is the same), so staff see it at once. */
export const cancelApplicationIntent = z
  .object({ kind: fields.kind, cancelReason: z.string() })
  .transform((v) =>
    intentOf({
      ...v,
      cancelReason: isCancelReason(v.cancelReason) ? v.cancelReason : "APPLICATION_CANCELLED_OTHER",
    }),
  );

export const cancelApplicationForm = z
  .object({ ...fields, note: noteField })
  // The note stays internal: it is never sent to Skip Pay. Skip Pay's reason is the journal's reason too.
  .transform((v) => ({ intent: intentOf(v), reason: v.cancelReason as CancelReason, note: v.note.trim() }));
