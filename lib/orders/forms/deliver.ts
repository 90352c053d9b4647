// The mark-delivered form: lines (or everything remaining), when, and a note. No reason.
import { z } from "zod";
import type { DeliverIntent } from "../plan-types";
import { checkLines, dateField, linesField, noteField, selections } from "./fields";

const fields = {
  kind: z.literal("deliver"),
  everything: z.boolean(),
  lines: linesField,
  deliveryDate: dateField,
};
type Fields = z.output<z.ZodObject<typeof fields>>;
const check = (v: Fields, ctx: z.RefinementCtx) => {
  if (!v.everything) checkLines(v.lines, ctx);
};
const intentOf = (v: Fields): DeliverIntent => ({
  kind: "deliver",
  lines: v.everything ? null : selections(v.lines),
  deliveryDate: v.deliveryDate || null,
});

/** What the live preview plans (the intent: every field but the note). */
export const deliverIntent = z.object(fields).superRefine(check).transform(intentOf);

export const deliverForm = z
  .object({ ...fields, note: noteField })
  .superRefine(check)
  .transform((v) => ({ intent: intentOf(v), reason: null, note: v.note.trim() }));
