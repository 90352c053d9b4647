// How a line's parts are listed in a response: one item per part, or — when the whole order was sent at once —
// one item per state with no item-level dates (spec, OrderItemResponse: those are "only when the whole order was
// NOT sent at once"; the order's own sentDate/deliveryDate/deliveryTrackingNumber say it then).
import { PART_ORDER, type SandboxLine, type SandboxOrder, type SandboxPart } from "./model";

export function listedParts(line: SandboxLine, order: Pick<SandboxOrder, "sentAtOnce">): SandboxPart[] {
  if (order.sentAtOnce !== true) return line.parts;
  const byState = new Map<string, SandboxPart>();
  for (const part of line.parts) {
    const listed = byState.get(part.state);
    if (listed) {
      listed.qty += part.qty;
      listed.price += part.price;
      listed.vat += part.vat;
    } else {
      byState.set(part.state, {
        ...part,
        sentDate: null,
        deliveryDate: null,
        trackingNumber: null,
      });
    }
  }
  return PART_ORDER.flatMap((state) => byState.get(state) ?? []);
}
