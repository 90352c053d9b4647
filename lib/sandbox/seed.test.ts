import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { openTestDatabase } from "@/lib/testing/database";
import { loadSpecValidator } from "@/lib/testing/openapi";
import { renderApplication } from "./render";
import { seedDemoApplications } from "./seed";
import { listEvents, loadApplication } from "./store";

describe("demo seed", () => {
  let database: Database;
  let ids: string[];
  beforeAll(async () => {
    database = await openTestDatabase();
    ids = await seedDemoApplications(
      database.db,
      "http://127.0.0.1:3000/sandbox",
      "http://127.0.0.1:3000/api/skippay/notifications",
      new Date("2026-11-23T09:00:00Z"),
    );
  });
  afterAll(async () => {
    await database?.close();
  });

  it("creates realistic applications in every state and substate, of both financing types", async () => {
    const apps = await Promise.all(
      ids.map(async (id) => renderApplication((await loadApplication(database.db, id))!)),
    );
    expect(apps.length).toBeGreaterThanOrEqual(12);
    expect(new Set(apps.map((a) => a.state))).toEqual(
      new Set(["PROCESSING", "READY", "REJECTED", "CANCELLED"]),
    );
    expect(new Set(apps.map((a) => a.stateReason))).toEqual(
      new Set([
        "PROCESSING_REDIRECT_NEEDED",
        "PROCESSING_PREAPPROVED",
        "READY_TO_SHIP",
        "READY_SHIPPED",
        "READY_DELIVERED",
        "READY_PAID",
        "REJECTED",
        "CANCELLED_NOT_PAID",
        "CANCELLED_RETURNED",
      ]),
    );
    expect(new Set(apps.map((a) => a.type))).toEqual(new Set(["DEFERRED_PAYMENT", "PAY_IN_THREE"]));
    const items = apps.flatMap((a) => a.order.items);
    expect(new Set(items.map((i) => i.type))).toEqual(new Set(["PHYSICAL", "SHIPPING_FEE", "DISCOUNT"]));
    expect(new Set(items.map((i) => i.totalVat.vatRate))).toEqual(new Set([21, 12]));
    expect(items.some((i) => i.quantity > 1)).toBe(true);
    expect(apps.every((a) => a.order.totalPrice.currency === "CZK")).toBe(true);
    // Partly sent and partly returned orders, and one big order.
    expect(
      apps.some(
        (a) =>
          a.order.items.some((i) => i.state === "SENT") &&
          a.order.items.some((i) => i.state === "PROCESSING"),
      ),
    ).toBe(true);
    expect(apps.some((a) => a.state === "READY" && a.order.items.some((i) => i.state === "RETURNED"))).toBe(
      true,
    );
    expect(Math.max(...apps.map((a) => a.order.items.length))).toBe(300);
    const spec = loadSpecValidator();
    for (const app of apps) expect(spec.problems("ApplicationResponse", app)).toEqual([]);
  });

  it("records each demo application's history and does nothing when the sandbox is not empty", async () => {
    const history = await listEvents(database.db, ids[4] as string);
    expect(history.map((e) => e.operation)).toEqual(["create", "approve", "send", "deliver", "return"]);
    expect(await seedDemoApplications(database.db, "http://x/sandbox", "http://x/n")).toEqual([]);
  });
});
