// The mark-sent form: lines (or everything unsent), when, carrier, tracking number, the payout's variable symbol
// when the order has none yet, and a note. No reason: shipping is not a complaint.
import { z } from "zod";
import { isVariableSymbol } from "../eligibility";
import type { SendIntent } from "../plan-types";
import {
  checkLines,
  dateField,
  documentOf,
  documentUrlField,
  linesField,
  noteField,
  selections,
} from "./fields";

const fields = {
  kind: z.literal("send"),
  everything: z.boolean(),
  lines: linesField,
  sentDate: dateField,
  carrier: z.string().max(250, "carrier_too_long"),
  trackingNumber: z.string().max(64, "tracking_too_long"),
  variableSymbol: z
    .string()
    .max(20, "variable_symbol_invalid")
    .refine((s) => s.trim() === "" || isVariableSymbol(s.trim()), "variable_symbol_invalid"),
  /** The invoice's address (optional). */
  documentUrl: documentUrlField,
};
type Fields = z.output<z.ZodObject<typeof fields>>;
const check = (v: Fields, ctx: z.RefinementCtx) => {
  if (!v.everything) checkLines(v.lines, ctx);
};
const intentOf = (v: Fields): SendIntent => ({
  kind: "send",
  lines: v.everything ? null : selections(v.lines),
  sentDate: v.sentDate || null,
  carrier: v.carrier.trim() || null,
  trackingNumber: v.trackingNumber.trim() || null,
  variableSymbol: v.variableSymbol.trim() || null,
  document: documentOf(v.documentUrl),
});

/** What the live preview plans (the intent: every field but the note). */
export const sendIntent = z.object(fields).superRefine(check).transform(intentOf);

export const sendForm = z
  .object({ ...fields, note: noteField })
  .superRefine(check)
  .transform((v) => ({ intent: intentOf(v), reason: null, note: v.note.trim() }));
