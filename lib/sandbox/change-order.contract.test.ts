// PUT …/order (change order) over real HTTP with a real database: every request we send and every response is
// checked against the official OpenAPI spec (ApplicationOrderChangeRequest → OrderExtendedResponse).
import { describe, expect, it } from "vitest";
import { sandboxContract } from "@/lib/testing/sandbox-contract";
import { buildApplicationRequest, type LineSpec } from "./builders";

const { call, conforms } = sandboxContract();
let seq = 0;

const LINES: LineSpec[] = [
  { code: "KETTLE", name: "Rychlovarná konvice", unitPrice: 149_900 },
  { code: "MUG", name: "Hrnek", unitPrice: 19_900, quantity: 3 },
  { code: "BOOK", name: "Kuchařka", unitPrice: 39_900, vatRate: 12 },
];

async function create(approve = true): Promise<string> {
  seq += 1;
  const created = await call(
    "POST",
    "/financing/v1/applications",
    buildApplicationRequest({ orderNumber: `CH-${seq}`, lines: LINES }),
  );
  expect(created.status).toBe(201);
  if (approve) await call("POST", `/control/applications/${created.body.id}/approve`, {});
  return created.body.id;
}

/** A change of lines as the admin sends it: the complete new list with its totals and VAT per rate. */
function itemsChange(lines: LineSpec[]) {
  const { items, totalPrice, totalVat } = buildApplicationRequest({ orderNumber: "X", lines }).order;
  return { items, totalPrice, totalVat };
}

async function change(id: string, body: { reason?: string; order: Record<string, unknown> }) {
  conforms("ApplicationOrderChangeRequest", body);
  return call("PUT", `/financing/v1/applications/${id}/order`, body);
}

const DELIVERY = {
  name: "Jana Nováková",
  country: "CZ",
  city: "Brno",
  streetAddress: "Masarykova",
  streetNumber: "12",
  zip: "602 00",
  addressType: "DELIVERY" as const,
};

describe("PUT …/order changes what the body names", () => {
  it("changes lines of a READY unsent order: new total, VAT per rate, items; the rest stays", async () => {
    const id = await create();
    const lines: LineSpec[] = [
      { code: "KETTLE", name: "Rychlovarná konvice", unitPrice: 139_900 },
      { code: "MUG", name: "Hrnek", unitPrice: 19_900, quantity: 2 },
      { code: "SLEVA", name: "Sleva", unitPrice: -10_000, type: "DISCOUNT" },
    ];
    const reply = await change(id, { reason: "Zákazník chce jen dva hrnky", order: itemsChange(lines) });
    expect(reply.status).toBe(200);
    conforms("OrderExtendedResponse", reply.body);
    expect(reply.body.totalPrice.amount).toBe(139_900 + 2 * 19_900 - 10_000);
    expect(reply.body.totalVat).toEqual(itemsChange(lines).totalVat);
    expect(reply.body.items.map((i: { code: string; quantity: number }) => [i.code, i.quantity])).toEqual([
      ["KETTLE", 1],
      ["MUG", 2],
      ["SLEVA", 1],
    ]);
    expect(reply.body.applicationInfo).toMatchObject({ state: "READY", stateReason: "READY_TO_SHIP" });
    expect(reply.body).toMatchObject({ deliveryCarrier: "PPL", number: "CH-1" });

    const detail = await call("GET", `/financing/v1/applications/${id}`);
    expect(detail.body.order.totalPrice.amount).toBe(reply.body.totalPrice.amount);
    // The changed lines are what later operations work on.
    const sent = await call("PUT", `/financing/v1/applications/${id}/order/send`, {
      items: [{ code: "MUG", quantity: 2 }],
    });
    expect(sent.status).toBe(200);
    const events = (await call("GET", `/control/applications/${id}/events`)).body.events;
    expect(events.find((e: { operation: string }) => e.operation === "order/change")).toMatchObject({
      status: 200,
      changed: true,
    });
  });

  it("fixes the delivery address, carrier and variable symbol of a PROCESSING order, keeping the billing address", async () => {
    seq += 1;
    const request = buildApplicationRequest({ orderNumber: `CH-${seq}`, lines: LINES });
    request.order.addresses = [
      { ...DELIVERY, city: "Praha", zip: "110 00" },
      { ...DELIVERY, addressType: "BILLING", city: "Praha", zip: "110 00" },
    ];
    const id = (await call("POST", "/financing/v1/applications", request)).body.id;
    const reply = await change(id, {
      reason: "Oprava adresy",
      order: { addresses: [DELIVERY], deliveryCarrier: "ZASILKOVNA", variableSymbols: ["2026123"] },
    });
    expect(reply.status).toBe(200);
    conforms("OrderExtendedResponse", reply.body);
    expect(reply.body.applicationInfo.state).toBe("PROCESSING");
    expect(reply.body.addresses).toEqual([
      expect.objectContaining({ addressType: "BILLING", city: "Praha" }),
      expect.objectContaining({ addressType: "DELIVERY", city: "Brno", zip: "602 00" }),
    ]);
    expect(reply.body).toMatchObject({ deliveryCarrier: "ZASILKOVNA", variableSymbols: ["2026123"] });
    expect(reply.body.totalPrice.amount).toBe(149_900 + 3 * 19_900 + 39_900);
  });
});

describe("PUT …/order validates like a create", () => {
  it("refuses inconsistent totals, VAT and signs, and says which attribute", async () => {
    const id = await create();
    const good = itemsChange([{ code: "MUG", name: "Hrnek", unitPrice: 19_900, quantity: 2 }]);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...good, totalPrice: { amount: 39_700, currency: "CZK" } }, 422, "order.totalPrice.amount"],
      [{ ...good, totalVat: [{ amount: 1, currency: "CZK", vatRate: 21 }] }, 422, "order.totalVat"],
      [{ items: good.items }, 400, "order.totalPrice"],
      [
        itemsChange([
          { code: "MUG", name: "Hrnek", unitPrice: 19_900, quantity: 2 },
          { code: "FEE", name: "Poplatek", unitPrice: -100 },
        ]),
        400,
        "order.items[1].totalPrice.amount",
      ],
      [itemsChange([{ code: "SLEVA", name: "Sleva", unitPrice: -100, type: "DISCOUNT" }]), 422, ""],
      [{ totalPrice: { amount: 100, currency: "CZK" } }, 422, "order.totalPrice.amount"],
      [{}, 400, "order"],
      [{ number: "OTHER-1" }, 422, "order.number"],
      [{ variableSymbols: ["12AB"] }, 400, "order.variableSymbols[0]"],
      [{ addresses: [DELIVERY, DELIVERY] }, 400, "order.addresses[1].addressType"],
    ];
    for (const [order, status, attribute] of cases) {
      const reply = await call("PUT", `/financing/v1/applications/${id}/order`, { order });
      expect(reply.status, JSON.stringify(order)).toBe(status);
      conforms("ErrorsResponse", reply.body);
      if (attribute) expect(reply.body.errors[0].attribute, JSON.stringify(order)).toBe(attribute);
    }
    const detail = await call("GET", `/financing/v1/applications/${id}`);
    expect(detail.body.order.totalPrice.amount).toBe(149_900 + 3 * 19_900 + 39_900);
  });
});

describe("PUT …/order follows the application's state", () => {
  it("is refused with 422 once anything was sent", async () => {
    const id = await create();
    await call("PUT", `/financing/v1/applications/${id}/order/send`, {
      items: [{ code: "MUG", quantity: 1 }],
    });
    const reply = await change(id, { order: { deliveryCarrier: "ZASILKOVNA" } });
    expect(reply.status).toBe(422);
    expect(reply.body.errors[0]).toMatchObject({ code: "NOT_SUPPORTED" });
    expect(reply.body.errors[0].message).toContain("marked as sent");
  });

  it("is refused with 422 for REJECTED and CANCELLED applications", async () => {
    const rejected = await create(false);
    await call("POST", `/control/applications/${rejected}/reject`, {});
    const cancelled = await create();
    await call("PUT", `/financing/v1/applications/${cancelled}/cancel`, {});
    for (const [id, state] of [
      [rejected, "REJECTED"],
      [cancelled, "CANCELLED"],
    ]) {
      const reply = await change(id as string, { order: { deliveryCarrier: "ZASILKOVNA" } });
      expect(reply.status).toBe(422);
      expect(reply.body.errors[0].message).toContain(`a ${state} application`);
    }
  });

  it("after a partial cancel keeps the lines (422) but still fixes the address", async () => {
    const id = await create();
    await call("PUT", `/financing/v1/applications/${id}/order/cancel`, { items: [{ code: "BOOK" }] });
    const items = await change(id, {
      order: itemsChange([{ code: "MUG", name: "Hrnek", unitPrice: 19_900, quantity: 2 }]),
    });
    expect(items.status).toBe(422);
    expect(items.body.errors[0].attribute).toBe("order.items");
    const address = await change(id, { order: { addresses: [DELIVERY] } });
    expect(address.status).toBe(200);
  });

  it("answers 404 for an unknown application", async () => {
    const reply = await change("0000000000", { order: { deliveryCarrier: "PPL" } });
    expect(reply.status).toBe(404);
    expect(reply.body.errors[0].code).toBe("OBJECT_NOT_FOUND");
  });
});
