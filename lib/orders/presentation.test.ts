import { describe, expect, it } from "vitest";
import type { LineDiff } from "./plan-types";
import { addressLine, changedLines, stateExplanation } from "./presentation";

const line = (key: string, before: LineDiff["before"], after: LineDiff["after"]): LineDiff => ({
  key,
  name: key,
  code: key,
  type: null,
  vatRate: 21,
  before,
  after,
});
const side = (quantity: number, unitPrice: number) => ({ quantity, unitPrice, total: quantity * unitPrice });

describe("changedLines", () => {
  it("keeps changed, added and removed lines and drops the untouched ones", () => {
    const lines = [
      line("same", side(1, 100), side(1, 100)),
      line("qty", side(3, 100), side(2, 100)),
      line("price", side(1, 100), side(1, 90)),
      line("added", null, side(1, 50)),
      line("removed", side(1, 70), null),
    ];
    expect(changedLines({ lines }).map((d) => d.key)).toEqual(["qty", "price", "added", "removed"]);
  });

  it("is empty for a change of the delivery alone", () => {
    expect(changedLines({ lines: [line("same", side(2, 10), side(2, 10))] })).toEqual([]);
  });
});

describe("the state's explanation", () => {
  const app = (stateReason: string, items: { type: string; state: string }[]) => ({
    stateReason,
    order: { items },
  });

  it("says everything is on its way once no goods are left to send, whatever fees still wait", () => {
    const sent = { type: "PHYSICAL", state: "SENT" };
    expect(stateExplanation(app("READY_SHIPPED", [sent, { type: "PHYSICAL", state: "PROCESSING" }]))).toBe(
      "READY_SHIPPED",
    );
    expect(
      stateExplanation(app("READY_SHIPPED", [sent, { type: "SHIPPING_FEE", state: "PROCESSING" }])),
    ).toBe("READY_SHIPPED_ALL");
    expect(stateExplanation(app("READY_TO_SHIP", [{ type: "PHYSICAL", state: "PROCESSING" }]))).toBe(
      "READY_TO_SHIP",
    );
  });
});

describe("an address on one line", () => {
  it("joins what is there, the street with its number", () => {
    expect(
      addressLine({
        name: "Jana Nováková",
        streetAddress: "Údolní",
        streetNumber: "53",
        zip: "602 00",
        city: "Brno",
        country: "CZ",
      }),
    ).toBe("Jana Nováková, Údolní 53, 602 00, Brno, CZ");
    expect(
      addressLine({ name: null, streetAddress: "Údolní", zip: "602 00", city: "Brno", country: "CZ" }),
    ).toBe("Údolní, 602 00, Brno, CZ");
  });
});
