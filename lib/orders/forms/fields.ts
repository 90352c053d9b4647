// The pieces every operation form is made of: quantities and amounts as staff type them, the order lines with
// their quantities, a reason and an internal note. Each check fails with one code per cause (`formErrors.<code>`
// in the UI), so "-1" reads "must be positive" and "1,5555" "at most 3 decimals".
import { z } from "zod";
import { pragueToday } from "@/lib/i18n/config";
import { type DocumentIntent, isHttpsUrl } from "../documents";
import { type MoneyInputError, parseMoney } from "../money";
import { OPERATION_REASONS, type OperationReason } from "../operation-kinds";
import type { LineSelection } from "../plan-types";
import { MILLI } from "../quantity";

export const NOTE_MAX = 1_000;

export type QuantityInputError =
  | "quantity_invalid"
  | "quantity_negative"
  | "quantity_decimals"
  | "quantity_too_large";

/** "2", "2.5", "2,5" → thousandths; "" → 0; otherwise why not. */
export function parseQuantity(
  input: string,
): { ok: true; milli: number } | { ok: false; error: QuantityInputError } {
  const s = input.trim().replace(",", ".");
  if (s === "") return { ok: true, milli: 0 };
  if (/^[-−]/.test(s)) return { ok: false, error: "quantity_negative" };
  if (!/^\d+(\.\d*)?$/.test(s)) return { ok: false, error: "quantity_invalid" };
  const [whole = "0", fraction = ""] = s.split(".");
  // Eight digits and more is no order's quantity, and would lose precision as thousandths.
  if (whole.replace(/^0+/, "").length > 7) return { ok: false, error: "quantity_too_large" };
  if (fraction.length > 3) return { ok: false, error: "quantity_decimals" };
  return { ok: true, milli: Number(whole) * MILLI + Number(fraction.padEnd(3, "0")) };
}

const MONEY_ERRORS: Record<MoneyInputError, string> = {
  empty: "amount_required",
  invalid: "amount_invalid",
  too_many_decimals: "amount_decimals",
  thousands_or_decimals: "amount_thousands",
  negative: "amount_negative",
  zero: "amount_zero",
  too_large: "amount_too_large",
};

// Fields are checked, never transformed: a failed transform would hold back every check after it, and staff should
// see each field's problem as they type. Each form turns its checked values into an intent at the end.

/** An amount as typed ("1 234,50"); `optional`: "" is allowed. */
export const moneyField = (optional = false) =>
  z
    .string()
    .max(30, "amount_invalid")
    .superRefine((s, ctx) => {
      if (optional && s.trim() === "") return;
      const parsed = parseMoney(s);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: MONEY_ERRORS[parsed.error] });
    });

/** A checked amount in minor units ("" → null). */
export function money(s: string): number | null {
  const parsed = parseMoney(s);
  return parsed.ok ? parsed.value : null;
}

/** The order's lines with the quantity typed for each ("" = none). */
export const linesField = z
  .array(z.object({ key: z.string().min(1).max(64), quantity: z.string().max(20) }))
  .max(5_000);

/** Every quantity readable, no line twice, and at least one chosen (for a form not taking "everything"). */
export function checkLines(lines: z.infer<typeof linesField>, ctx: z.RefinementCtx) {
  let chosen = 0;
  let typos = false;
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    const parsed = parseQuantity(line.quantity);
    // The same line twice would be sent as two references to it, worth twice its quantity.
    if (seen.has(line.key))
      ctx.addIssue({ code: "custom", path: ["lines", i, "quantity"], message: "line_twice" });
    else if (!parsed.ok)
      ctx.addIssue({ code: "custom", path: ["lines", i, "quantity"], message: parsed.error });
    else chosen += parsed.milli;
    typos ||= !parsed.ok;
    seen.add(line.key);
  });
  if (chosen === 0 && !typos) ctx.addIssue({ code: "custom", path: ["lines"], message: "nothing_selected" });
}

/** The lines as the planner takes them. */
export function selections(lines: z.infer<typeof linesField>): LineSelection[] {
  return lines.map((l) => {
    const parsed = parseQuantity(l.quantity);
    return { key: l.key, quantity: parsed.ok ? parsed.milli : 0 };
  });
}

const isReason = (s: string): s is OperationReason => (OPERATION_REASONS as readonly string[]).includes(s);

/** Staff choose a reason themselves: none is preselected ("" until they do). */
export const reasonField = z.string().refine(isReason, "reason_required");
export const asReason = (s: string) => s as OperationReason;

export const noteField = z.string().max(NOTE_MAX, "note_too_long");

/** "Other" needs a word of explanation in the note. */
export function explainOther(v: { reason: string; note: string }, ctx: z.RefinementCtx) {
  if (v.reason === "other" && v.note.trim() === "")
    ctx.addIssue({ code: "custom", path: ["note"], message: "note_required_for_other" });
}

/** A day as a date input gives it ("2026-11-12"), or "" for none. */
/** A sent or delivery day: a real date, and not a future one (Skip Pay takes what it is told). */
export const dateField = z
  .string()
  .max(10)
  .refine((s) => {
    if (s === "") return true;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, "date_invalid")
  .refine((s) => s === "" || !/^\d{4}-\d{2}-\d{2}$/.test(s) || s <= pragueToday(), "date_future");

export const applicationIdField = z.string().min(1).max(64);

/** The address of a document to attach (an invoice, a credit note): "" = none, else an https:// URL. */
export const documentUrlField = z
  .string()
  .max(2_000, "document_url_invalid")
  .refine((s) => s.trim() === "" || isHttpsUrl(s.trim()), "document_url_invalid");

/** A checked document address as the intent's document ("" → none). */
export const documentOf = (url: string): DocumentIntent | null => (url.trim() ? { url: url.trim() } : null);
