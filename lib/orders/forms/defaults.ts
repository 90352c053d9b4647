// Each operation form as it opens: nothing chosen, no reason preselected, dates set to today (Prague).
import type { OperationKind } from "../operation-kinds";
import type { FormValues } from "./submission";

export function emptyForm<K extends OperationKind>(
  kind: K,
  lineKeys: string[],
  today: string,
): FormValues<K> {
  const lines = lineKeys.map((key) => ({ key, quantity: "" }));
  const forms: { [P in OperationKind]: FormValues<P> } = {
    cancel: { kind: "cancel", everything: false, lines, reason: "", note: "" },
    return: {
      kind: "return",
      everything: false,
      lines,
      refundOverride: "",
      fullPrice: false,
      documentUrl: "",
      reason: "",
      note: "",
    },
    refund: { kind: "refund", amount: "", documentUrl: "", reason: "", note: "" },
    send: {
      kind: "send",
      everything: false,
      lines,
      sentDate: today,
      carrier: "",
      trackingNumber: "",
      variableSymbol: "",
      documentUrl: "",
      note: "",
    },
    deliver: { kind: "deliver", everything: false, lines, deliveryDate: today, note: "" },
    "cancel-application": { kind: "cancel-application", cancelReason: "", note: "" },
    // Every line as it is ("" = unchanged); new lines are added one by one.
    "change-order": {
      kind: "change-order",
      lines: lineKeys.map((key) => ({ key, quantity: "", unitPrice: "", remove: false })),
      added: [],
      delivery: { name: "", street: "", number: "", city: "", zip: "", country: "CZ", carrier: "" },
      reason: "",
      note: "",
    },
  };
  return forms[kind];
}
