// The amount-only refund form: an amount, a reason and a note.
import { z } from "zod";
import type { RefundIntent } from "../plan-types";
import {
  asReason,
  documentOf,
  documentUrlField,
  explainOther,
  money,
  moneyField,
  noteField,
  reasonField,
} from "./fields";

/** An amount, and the credit note's address (optional). */
const fields = { kind: z.literal("refund"), amount: moneyField(), documentUrl: documentUrlField };
type Fields = z.output<z.ZodObject<typeof fields>>;
const intentOf = (v: Fields): RefundIntent => ({
  kind: "refund",
  amount: money(v.amount) ?? 0,
  document: documentOf(v.documentUrl),
});

/** What the live preview plans: the intent alone, whatever the reason and note say yet. */
export const refundIntent = z.object(fields).transform(intentOf);

export const refundForm = z
  .object({ ...fields, reason: reasonField, note: noteField })
  .superRefine(explainOther)
  .transform((v) => ({ intent: intentOf(v), reason: asReason(v.reason), note: v.note.trim() }));
