// A request sent back to its agent (the order changed before it was approved) opens again as the form it came
// from, filled in as it was asked — on the order as it is now, so the live preview and the checks plan it afresh.
import type { OperationKind } from "../operation-kinds";
import { fromMilli } from "../quantity";
import { emptyForm } from "./defaults";
import type { FormValues, OperationRequest } from "./submission";

/** Minor units as a form's amount field takes them ("6000", "2500.50"). */
export function amountInput(minor: number): string {
  const major = (minor / 100).toFixed(2);
  return major.endsWith(".00") ? major.slice(0, -3) : major;
}

/** The operation form a request was made with, filled in with what was asked (lines the order still has). */
export function replanForm(
  request: OperationRequest,
  lineKeys: string[],
  today: string,
): { kind: OperationKind; values: FormValues } {
  const { intent } = request;
  const reason = request.reason ?? "";
  const note = request.note ?? "";
  // The document asked for goes with the request again (the intent carries it; "" when none was attached).
  const documentUrl = "document" in request.intent ? (request.intent.document?.url ?? "") : "";
  switch (intent.kind) {
    case "refund":
      return {
        kind: "refund",
        values: { kind: "refund", amount: amountInput(intent.amount), documentUrl, reason, note },
      };
    case "return":
    case "return-all": {
      const asked = new Map(intent.kind === "return" ? intent.lines.map((l) => [l.key, l.quantity]) : []);
      return {
        kind: "return",
        values: {
          kind: "return",
          everything: intent.kind === "return-all",
          lines: lineKeys.map((key) => {
            const q = asked.get(key);
            return { key, quantity: q ? String(fromMilli(q)) : "" };
          }),
          refundOverride: intent.refundOverride === null ? "" : amountInput(intent.refundOverride),
          fullPrice: intent.kind === "return" ? (intent.fullPrice ?? false) : false,
          documentUrl,
          reason,
          note,
        },
      };
    }
    case "change-order": {
      // A change that lowers the total waits for approval too: it opens with the lines as asked.
      const asked = new Map(intent.lines.map((l) => [l.key, l]));
      return {
        kind: "change-order",
        values: {
          kind: "change-order",
          lines: lineKeys.map((key) => {
            const l = asked.get(key);
            return {
              key,
              quantity: l?.quantity != null ? String(fromMilli(l.quantity)) : "",
              unitPrice: l?.unitPrice != null ? amountInput(l.unitPrice) : "",
              remove: l?.remove ?? false,
            };
          }),
          added: intent.added.map((a) => ({
            name: a.name,
            code: a.code,
            type: a.type,
            quantity: String(fromMilli(a.quantity)),
            unitPrice: amountInput(a.unitPrice),
            vatRate: String(a.vatRate) as "21" | "12" | "0",
          })),
          delivery: {
            name: intent.delivery?.address?.name ?? "",
            street: intent.delivery?.address?.streetAddress ?? "",
            number: intent.delivery?.address?.streetNumber ?? "",
            city: intent.delivery?.address?.city ?? "",
            zip: intent.delivery?.address?.zip ?? "",
            country: intent.delivery?.address?.country ?? "CZ",
            carrier: intent.delivery?.carrier ?? "",
          },
          reason,
          note,
        },
      };
    }
    default: {
      // Cancellations and shipping never wait for approval; they open their empty form.
      const kind: OperationKind =
        intent.kind === "cancel-all"
          ? "cancel"
          : (intent.kind as Exclude<OperationKind, "return" | "refund">);
      return { kind, values: emptyForm(kind, lineKeys, today) };
    }
  }
}
