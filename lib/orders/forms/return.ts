// The return form: lines and quantities (or everything), an optional refund amount other than their value, a
// reason and a note.
import { z } from "zod";
import type { ReturnIntent } from "../plan-types";
import {
  asReason,
  checkLines,
  documentOf,
  documentUrlField,
  explainOther,
  linesField,
  money,
  moneyField,
  noteField,
  reasonField,
  selections,
} from "./fields";

const fields = {
  kind: z.literal("return"),
  everything: z.boolean(),
  lines: linesField,
  /** "" = refund the items' value. */
  refundOverride: moneyField(true),
  /** Refund the full item price, without the order discount's share. */
  fullPrice: z.boolean(),
  /** The credit note's address (optional). */
  documentUrl: documentUrlField,
};
type Fields = z.output<z.ZodObject<typeof fields>>;
const check = (v: Fields, ctx: z.RefinementCtx) => {
  if (!v.everything) checkLines(v.lines, ctx);
};
const intentOf = (v: Fields): ReturnIntent => {
  const refundOverride = money(v.refundOverride);
  const document = documentOf(v.documentUrl);
  return v.everything
    ? { kind: "return-all", refundOverride, document }
    : { kind: "return", lines: selections(v.lines), refundOverride, fullPrice: v.fullPrice, document };
};

/** What the live preview plans: the intent alone, whatever the reason and note say yet. */
export const returnIntent = z.object(fields).superRefine(check).transform(intentOf);

export const returnForm = z
  .object({ ...fields, reason: reasonField, note: noteField })
  .superRefine((v, ctx) => {
    check(v, ctx);
    explainOther(v, ctx);
  })
  .transform((v) => ({ intent: intentOf(v), reason: asReason(v.reason), note: v.note.trim() }));
