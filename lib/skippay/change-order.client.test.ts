// The client's changeOrder against the running sandbox, over real HTTP: the change applied and read back, the
// refusals as typed errors, and a failure after sending reported as "may have been applied".
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildApplicationRequest, type LineSpec } from "@/lib/sandbox/builders";
import { loadSpecValidator } from "@/lib/testing/openapi";
import { type SandboxServer, startSandboxServer } from "@/lib/testing/sandbox-server";
import { specCheckedFetch } from "@/lib/testing/spec-checked-fetch";
import type { SkipPayClient } from "./client";
import type { ApplicationOrderChangeRequest } from "./schemas";

let server: SandboxServer;
let client: SkipPayClient;
let seq = 0;
const spec = loadSpecValidator();
/** Every request the client sends here is checked against Skip Pay's spec. */
const requests = specCheckedFetch(spec);

const LINES: LineSpec[] = [
  { code: "KETTLE", name: "Konvice", unitPrice: 149_900 },
  { code: "MUG", name: "Hrnek", unitPrice: 19_900, quantity: 3 },
];

async function readyApplication(): Promise<string> {
  seq += 1;
  const created = await client.createApplication(
    buildApplicationRequest({ orderNumber: `CO-${seq}`, lines: LINES }),
  );
  if (!created.ok) throw new Error(created.error.message);
  await client.sandbox.approve(created.value.id);
  return created.value.id;
}

function change(lines: LineSpec[], reason = "Zákazník chce méně hrnků"): ApplicationOrderChangeRequest {
  const { items, totalPrice, totalVat } = buildApplicationRequest({ orderNumber: "X", lines }).order;
  const body = { reason, order: { items, totalPrice, totalVat } };
  // What the admin sends must be what Skip Pay's contract allows.
  expect(spec.problems("ApplicationOrderChangeRequest", body)).toEqual([]);
  return body;
}

beforeAll(async () => {
  server = await startSandboxServer();
  client = server.client({ fetch: requests.fetch });
});

afterEach(() => requests.expectConforming());

afterAll(async () => {
  await server?.close();
});

describe("changeOrder", () => {
  it("lowers a quantity and fixes the delivery address; the application reads back changed", async () => {
    const id = await readyApplication();
    const result = await client.changeOrder(
      id,
      change([LINES[0] as LineSpec, { ...LINES[1], quantity: 2 } as LineSpec]),
    );
    expect(result.ok && result.value.totalPrice.amount).toBe(149_900 + 2 * 19_900);
    const address = await client.changeOrder(id, {
      reason: "Oprava adresy",
      order: {
        addresses: [
          {
            country: "CZ",
            city: "Brno",
            streetAddress: "Masarykova",
            zip: "602 00",
            addressType: "DELIVERY",
          },
        ],
      },
    });
    expect(address.ok).toBe(true);
    const app = await client.getApplication(id);
    expect(app.ok && app.value.order.totalPrice.amount).toBe(149_900 + 2 * 19_900);
    expect(app.ok && app.value.order.items.map((i) => [i.code, i.quantity])).toEqual([
      ["KETTLE", 1],
      ["MUG", 2],
    ]);
    expect(app.ok && app.value.order.addresses?.map((a) => a.city)).toEqual(["Brno"]);
  });

  it("a change after sending is not_supported with Skip Pay's reason, applied no", async () => {
    const id = await readyApplication();
    await client.sendOrderItems(id, { items: [{ code: "KETTLE" }] });
    const refused = await client.changeOrder(id, change([{ ...LINES[1], quantity: 1 } as LineSpec]));
    expect(refused).toMatchObject({
      ok: false,
      error: { kind: "not_supported", status: 422, applied: "no" },
    });
    expect(!refused.ok && refused.error.message).toContain("marked as sent");
  });

  it("totals that disagree with the lines are refused, naming the attribute", async () => {
    const id = await readyApplication();
    const body = change([LINES[0] as LineSpec]);
    const refused = await client.changeOrder(id, {
      ...body,
      order: { ...body.order, totalPrice: { amount: 1, currency: "CZK" } },
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { kind: "not_supported", applied: "no", attribute: "order.totalPrice.amount" },
    });
  });

  it("an unknown application is not_found", async () => {
    const missing = await client.changeOrder("0000000000", { order: { deliveryCarrier: "PPL" } });
    expect(missing).toMatchObject({ ok: false, error: { kind: "not_found", applied: "no" } });
  });
});
