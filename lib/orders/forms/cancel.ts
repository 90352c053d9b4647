// The cancel form: lines and quantities (or everything not sent), a reason and a note.
import { z } from "zod";
import type { CancelIntent } from "../plan-types";
import { asReason, checkLines, explainOther, linesField, noteField, reasonField, selections } from "./fields";

const fields = { kind: z.literal("cancel"), everything: z.boolean(), lines: linesField };
type Fields = z.output<z.ZodObject<typeof fields>>;
const check = (v: Fields, ctx: z.RefinementCtx) => {
  if (!v.everything) checkLines(v.lines, ctx);
};
const intentOf = (v: Fields): CancelIntent =>
  v.everything ? { kind: "cancel-all" } : { kind: "cancel", lines: selections(v.lines) };

/** What the live preview plans: the intent alone, whatever the reason and note say yet. */
export const cancelIntent = z.object(fields).superRefine(check).transform(intentOf);

export const cancelForm = z
  .object({ ...fields, reason: reasonField, note: noteField })
  .superRefine((v, ctx) => {
    check(v, ctx);
    explainOther(v, ctx);
  })
  .transform((v) => ({ intent: intentOf(v), reason: asReason(v.reason), note: v.note.trim() }));
