// The operation form's one schema, used by the react-hook-form resolver in the browser and again by the server
// action: raw form values (strings, as typed) in, a planner Intent plus the staff's reason and note out.
// Error messages are codes (translated by the UI: `formErrors.<code>`). Written with zod/mini (the same zod 4 core
// with functional checks). The browser loads it only once the order page is interactive (components/orders/
// use-form-plan.ts); what the page needs at once (kinds, reasons, empty values) is in ./operation-form, free of zod.
import * as z from "zod/mini";
import { APPLICATION_STATES, CANCEL_REASONS, ORDER_STATES, STATE_REASONS } from "@/lib/skippay/enums";
import type { OrderBasis } from "./basis";
import { isVariableSymbol } from "./eligibility";
import { parseMoney } from "./money";
import { OPERATION_KINDS, OPERATION_REASONS, parseQuantityInput } from "./operation-form";
import type { Intent, LineSelection } from "./planner";

const MONEY_ERRORS = {
  empty: "amount_required",
  invalid: "amount_invalid",
  too_many_decimals: "amount_decimals",
  negative: "amount_negative",
  zero: "amount_zero",
  too_large: "amount_invalid",
} as const;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
function validDate(s: string): boolean {
  if (!isoDate.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

const operationFormFields = z.object({
  applicationId: z.string().check(z.minLength(1), z.maxLength(64)),
  kind: z.enum(OPERATION_KINDS),
  /** Everything remaining (cancel all / return all / send all / deliver all) instead of chosen lines. */
  everything: z.boolean(),
  lines: z
    .array(
      z.object({
        key: z.string().check(z.minLength(1), z.maxLength(64)),
        quantity: z.string().check(z.maxLength(20)),
      }),
    )
    .check(z.maxLength(5_000)),
  refundOverride: z.string().check(z.maxLength(30)),
  amount: z.string().check(z.maxLength(30)),
  reason: z.enum(OPERATION_REASONS, "reason_required"),
  note: z.string().check(z.maxLength(1_000, "note_too_long")),
  sentDate: z.string().check(z.maxLength(10)),
  deliveryDate: z.string().check(z.maxLength(10)),
  carrier: z.string().check(z.maxLength(250, "carrier_too_long")),
  trackingNumber: z.string().check(z.maxLength(64, "tracking_too_long")),
  variableSymbol: z.string().check(z.maxLength(20)),
  cancelReason: z.enum(CANCEL_REASONS),
  /** The order as the page saw it when the staff member chose (see lib/operations; "" = not checked). */
  fingerprint: z.string().check(z.maxLength(200)),
});

export const operationFormSchema = z.pipe(
  operationFormFields.check(
    z.superRefine((v, ctx) => {
      const fail = (path: (string | number)[], message: string) =>
        ctx.addIssue({ code: "custom", path, message });
      if (v.reason === "other" && v.note.trim() === "") fail(["note"], "note_required_for_other");
      if (
        (v.kind === "cancel" || v.kind === "return" || v.kind === "send" || v.kind === "deliver") &&
        !v.everything
      ) {
        let chosen = 0;
        const seen = new Set<string>();
        v.lines.forEach((line, i) => {
          const milli = parseQuantityInput(line.quantity);
          // The same line twice would be sent as two references to it, worth twice its quantity.
          if (seen.has(line.key)) fail(["lines", i, "quantity"], "line_twice");
          else if (milli === null) fail(["lines", i, "quantity"], "quantity_invalid");
          else chosen += milli;
          seen.add(line.key);
        });
        if (chosen === 0 && v.lines.every((l) => parseQuantityInput(l.quantity) !== null))
          fail(["lines"], "nothing_selected");
      }
      if (v.kind === "return" && v.refundOverride.trim() !== "") {
        const parsed = parseMoney(v.refundOverride);
        if (!parsed.ok) fail(["refundOverride"], MONEY_ERRORS[parsed.error]);
      }
      if (v.kind === "refund") {
        const parsed = parseMoney(v.amount);
        if (!parsed.ok) fail(["amount"], MONEY_ERRORS[parsed.error]);
      }
      if (v.kind === "send" && v.sentDate !== "" && !validDate(v.sentDate))
        fail(["sentDate"], "date_invalid");
      const symbol = v.variableSymbol.trim();
      if (v.kind === "send" && symbol !== "" && !isVariableSymbol(symbol))
        fail(["variableSymbol"], "variable_symbol_invalid");
      if (v.kind === "deliver" && v.deliveryDate !== "" && !validDate(v.deliveryDate))
        fail(["deliveryDate"], "date_invalid");
    }),
  ),
  z.transform((v: z.output<typeof operationFormFields>) => {
    const selections = (): LineSelection[] =>
      v.lines.map((l) => ({ key: l.key, quantity: parseQuantityInput(l.quantity) ?? 0 }));
    const money = (s: string) => {
      const parsed = parseMoney(s);
      return parsed.ok ? parsed.value : null;
    };
    let intent: Intent;
    switch (v.kind) {
      case "cancel":
        intent = v.everything ? { kind: "cancel-all" } : { kind: "cancel", lines: selections() };
        break;
      case "return": {
        const refundOverride = v.refundOverride.trim() === "" ? null : money(v.refundOverride);
        intent = v.everything
          ? { kind: "return-all", refundOverride }
          : { kind: "return", lines: selections(), refundOverride };
        break;
      }
      case "refund":
        intent = { kind: "refund", amount: money(v.amount) ?? 0 };
        break;
      case "send":
        intent = {
          kind: "send",
          lines: v.everything ? null : selections(),
          sentDate: v.sentDate || null,
          carrier: v.carrier.trim() || null,
          trackingNumber: v.trackingNumber.trim() || null,
          variableSymbol: v.variableSymbol.trim() || null,
        };
        break;
      case "deliver":
        intent = {
          kind: "deliver",
          lines: v.everything ? null : selections(),
          deliveryDate: v.deliveryDate || null,
        };
        break;
      case "cancel-application":
        // The note stays internal: it is never sent to Skip Pay.
        intent = { kind: "cancel-application", reason: v.cancelReason, customReason: null };
        break;
    }
    return {
      applicationId: v.applicationId,
      intent,
      reason: v.reason,
      note: v.note.trim(),
      fingerprint: v.fingerprint,
    };
  }),
);

export type OperationFormValues = z.input<typeof operationFormSchema>;
export type OperationRequest = z.output<typeof operationFormSchema>;

export const sandboxDecisionSchema = z.object({
  applicationId: z.string().check(z.minLength(1), z.maxLength(64)),
  decision: z.enum(["approve", "reject"]),
});

/** What a page submits as the order it planned on (the stale-page guard; see ./basis). */
export const orderBasisSchema: z.ZodMiniType<OrderBasis> = z.object({
  state: z.enum(APPLICATION_STATES),
  stateReason: z.enum(STATE_REASONS),
  total: z.int(),
  lines: z.record(
    z.string().check(z.maxLength(64)),
    z.partialRecord(z.enum(ORDER_STATES), z.int().check(z.minimum(0))),
  ),
});

/** What the confirmation submits: the form as typed, the order it was planned on, and a one-time id. */
export const operationSubmissionSchema = z.object({
  values: operationFormSchema,
  /** The order as the page had it when the staff member reviewed (stale-page guard). */
  basis: orderBasisSchema,
  /** When the page last read the application (to name who changed it since). */
  loadedAt: z.iso.datetime(),
  /** One per confirmation; a repeated submission (double click, browser retry) carries the same id. */
  submissionId: z.uuid(),
});
export type OperationSubmission = z.output<typeof operationSubmissionSchema>;

export const approvalDecisionSchema = z.object({
  operationId: z.uuid(),
  decision: z.enum(["approve", "reject"]),
  note: z._default(z.string().check(z.maxLength(1_000)), ""),
});

/** A supervisor records what happened to an operation whose outcome stayed unclear. */
export const operationResolutionSchema = z.object({
  operationId: z.uuid(),
  outcome: z.enum(["applied", "not_applied"]),
  note: z._default(z.string().check(z.maxLength(1_000)), ""),
});
