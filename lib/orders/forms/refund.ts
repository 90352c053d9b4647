// The amount-only refund form: an amount, a reason and a note.
import { z } from "zod";
import type { RefundIntent } from "../plan-types";
import { asReason, explainOther, money, moneyField, noteField, reasonField } from "./fields";

const fields = { kind: z.literal("refund"), amount: moneyField() };
type Fields = z.output<z.ZodObject<typeof fields>>;
const intentOf = (v: Fields): RefundIntent => ({ kind: "refund", amount: money(v.amount) ?? 0 });

/** What the live preview plans: the intent alone, whatever the reason and note say yet. */
export const refundIntent = z.object(fields).transform(intentOf);

export const refundForm = z
  .object({ ...fields, reason: reasonField, note: noteField })
  .superRefine(explainOther)
  .transform((v) => ({ intent: intentOf(v), reason: asReason(v.reason), note: v.note.trim() }));
