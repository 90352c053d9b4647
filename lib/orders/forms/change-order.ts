// The change-order form: for each line a new quantity or unit price ("" = as it is) or Remove, new lines, the
// delivery address and carrier ("" = as they are), a reason and a note. A DISCOUNT line's price is typed as the discount's size; the planner takes it off.
import { z } from "zod";
import { ITEM_TYPES } from "@/lib/skippay/enums";
import type { OperationReason } from "../operation-kinds";
import type { ChangeOrderIntent } from "../plan-types";
import { asReason, explainOther, money, moneyField, noteField, parseQuantity, reasonField } from "./fields";

/** What Skip Pay's `reason` says for each staff reason: fixed English, so the internal note never leaves the admin. */
export const SKIPPAY_REASON: Record<OperationReason, string> = {
  customer_request: "Customer request",
  out_of_stock: "Out of stock",
  damaged: "Damaged goods",
  wrong_item: "Wrong item",
  late_delivery: "Late delivery",
  price_adjustment: "Price adjustment",
  goodwill: "Goodwill",
  duplicate_order: "Duplicate order",
  other: "Other",
};

/** A quantity as typed; "" only where it may stay as it is. */
const quantityField = (optional: boolean) =>
  z
    .string()
    .max(20, "quantity_invalid")
    .superRefine((s, ctx) => {
      if (s.trim() === "") {
        if (!optional) ctx.addIssue({ code: "custom", message: "quantity_required" });
        return;
      }
      const parsed = parseQuantity(s);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.error });
    });

const quantityOf = (s: string): number | null => {
  const parsed = parseQuantity(s);
  return s.trim() === "" || !parsed.ok ? null : parsed.milli;
};

export const VAT_RATE_CHOICES = ["21", "12", "0"] as const;

const lineField = z.object({
  key: z.string().min(1).max(64),
  quantity: quantityField(true),
  unitPrice: moneyField(true),
  remove: z.boolean(),
});

const addedField = z.object({
  name: z.string().trim().min(1, "name_required").max(255, "name_too_long"),
  code: z.string().trim().min(1, "code_required").max(200, "code_too_long"),
  type: z.enum(ITEM_TYPES, { message: "type_required" }),
  quantity: quantityField(false),
  unitPrice: moneyField(),
  vatRate: z.enum(VAT_RATE_CHOICES, { message: "vat_rate_required" }),
});

/** The delivery as typed: all empty = as it is; an address needs street, city, ZIP and country. */
const deliveryField = z
  .object({
    name: z.string().max(100, "too_long"),
    street: z.string().max(100, "too_long"),
    number: z.string().max(100, "too_long"),
    city: z.string().max(100, "too_long"),
    zip: z.string().max(30, "too_long"),
    country: z.string().max(2, "country_invalid"),
    carrier: z.string().max(250, "carrier_too_long"),
  })
  .superRefine((d, ctx) => {
    if (!addressGiven(d)) return;
    for (const key of ["street", "city", "zip"] as const)
      if (d[key].trim() === "")
        ctx.addIssue({ code: "custom", path: [key], message: "address_field_required" });
    if (!/^[A-Za-z]{2}$/.test(d.country.trim()))
      ctx.addIssue({ code: "custom", path: ["country"], message: "country_invalid" });
  });
type DeliveryValues = z.output<typeof deliveryField>;
const addressGiven = (d: DeliveryValues) =>
  [d.name, d.street, d.number, d.city, d.zip].some((s) => s.trim() !== "");

const fields = {
  kind: z.literal("change-order"),
  lines: z.array(lineField).max(5_000),
  added: z.array(addedField).max(50),
  delivery: deliveryField,
  reason: z.string(),
};
type Fields = z.output<z.ZodObject<typeof fields>>;

const intentOf = (v: Fields): ChangeOrderIntent => ({
  kind: "change-order",
  // Every line, in the form's order (the planner's objections point at a row by its index); untouched ones are
  // all null, and the planner keeps them exactly as Skip Pay has them.
  lines: v.lines.map((l) => ({
    key: l.key,
    quantity: quantityOf(l.quantity),
    unitPrice: l.unitPrice.trim() === "" ? null : money(l.unitPrice),
    remove: l.remove,
  })),
  added: v.added.map((a) => ({
    name: a.name,
    code: a.code,
    type: a.type,
    quantity: quantityOf(a.quantity) ?? 0,
    unitPrice: money(a.unitPrice) ?? 0,
    vatRate: Number(a.vatRate),
  })),
  delivery: {
    address: addressGiven(v.delivery)
      ? {
          name: v.delivery.name.trim() || null,
          streetAddress: v.delivery.street.trim(),
          streetNumber: v.delivery.number.trim() || null,
          city: v.delivery.city.trim(),
          zip: v.delivery.zip.trim(),
          country: v.delivery.country.trim().toUpperCase(),
        }
      : null,
    carrier: v.delivery.carrier.trim() || null,
  },
  reason: v.reason in SKIPPAY_REASON ? SKIPPAY_REASON[v.reason as OperationReason] : "",
});

/** What the live preview plans: the lines as typed, and the reason once one is chosen. */
export const changeOrderIntent = z.object(fields).transform(intentOf);

export const changeOrderForm = z
  .object({ ...fields, reason: reasonField, note: noteField })
  .superRefine(explainOther)
  .transform((v) => ({ intent: intentOf(v), reason: asReason(v.reason), note: v.note.trim() }));
