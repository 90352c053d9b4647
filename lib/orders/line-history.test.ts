import { describe, expect, it } from "vitest";
import { contextOf, sandboxApp, step } from "@/lib/testing/orders";
import { type DatedEntry, lineHistory } from "./line-history";
import { orderView } from "./lines";
import { stateSummary } from "./presentation";

// A mug partly cancelled and partly returned, a kettle returned whole, a lamp untouched.
const app = sandboxApp(
  [
    { code: "MUG", name: "Hrnek", unitPrice: 19_900, quantity: 4 },
    { code: "KETTLE", name: "Konvice", unitPrice: 149_900 },
    { code: "LAMP", name: "Lampa", unitPrice: 99_900 },
  ],
  [
    step.approve(),
    step.cancel([{ code: "MUG", quantity: 1 }]),
    step.send([]),
    step.deliver([]),
    step.return([{ code: "MUG", quantity: 1 }]),
    step.return([{ code: "KETTLE" }]),
  ],
);
const lines = orderView(contextOf(app).order).lines;
const key = (code: string) => lines.find((l) => l.code === code)?.key as string;
const [MUG, KETTLE, LAMP] = [key("MUG"), key("KETTLE"), key("LAMP")];

const entry = (items: DatedEntry["items"], at: string, over: Partial<DatedEntry> = {}): DatedEntry => ({
  status: "succeeded",
  items,
  startedAt: at,
  finishedAt: at,
  ...over,
});

describe("lineHistory", () => {
  it("dates each line by the latest succeeded operation that moved it there, as a day in Prague", () => {
    const history = lineHistory(lines, [
      entry([{ key: MUG, to: "CANCELLED" }], "2026-11-20T10:00:00.000Z"),
      entry([{ key: MUG, to: "RETURNED" }], "2026-11-24T09:00:00.000Z"),
      // 23:30 UTC on 25 Nov is 26 Nov in Prague.
      entry([{ key: KETTLE, to: "RETURNED" }], "2026-11-25T23:30:00.000Z"),
      entry([{ key: MUG, to: "RETURNED" }], "2026-11-22T09:00:00.000Z"),
    ]);
    expect(history[MUG]).toEqual({ CANCELLED: "2026-11-20", RETURNED: "2026-11-24" });
    expect(history[KETTLE]).toEqual({ RETURNED: "2026-11-26" });
    expect(history[LAMP]).toBeUndefined();
  });

  it("a later return of 'everything left' does not re-date a line returned before it", () => {
    const history = lineHistory(lines, [
      entry([{ key: KETTLE, to: "RETURNED" }], "2026-12-01T09:00:00.000Z"),
      // Sent as `{}` (all remaining): it moved only the mugs still delivered.
      entry([{ key: MUG, to: "RETURNED" }], "2026-12-05T09:00:00.000Z"),
    ]);
    expect(history[KETTLE]).toEqual({ RETURNED: "2026-12-01" });
    expect(history[MUG]).toEqual({ RETURNED: "2026-12-05" });
  });

  it("takes the moment Skip Pay was called, not when an unclear answer was settled", () => {
    const settledLater = entry([{ key: KETTLE, to: "RETURNED" }], "2026-12-01T09:00:00.000Z", {
      finishedAt: "2026-12-03T09:00:00.000Z",
    });
    expect(lineHistory(lines, [settledLater])[KETTLE]).toEqual({ RETURNED: "2026-12-01" });
  });

  it("leaves out refunds, operations that did not succeed, other states, and lines with nothing there now", () => {
    const at = "2026-11-20T10:00:00.000Z";
    const history = lineHistory(lines, [
      entry([], at),
      entry([{ key: MUG, to: "RETURNED" }], at, { status: "failed" }),
      entry([{ key: KETTLE, to: "RETURNED" }], at, {
        status: "in_flight",
        startedAt: null,
        finishedAt: null,
      }),
      entry([{ key: LAMP, to: "DELIVERED" }], at),
      // The lamp is in a return that succeeded, but none of it is returned now (changed outside this admin since).
      entry([{ key: LAMP, to: "RETURNED" }], at),
    ]);
    expect(history).toEqual({});
  });

  it("the state badges carry the dates: Skip Pay's for delivery, the journal's for returns and cancellations", () => {
    const mug = lines.find((l) => l.code === "MUG");
    const summary = stateSummary(mug?.parts ?? [], { RETURNED: "2026-11-24", CANCELLED: "2026-11-20" });
    expect(summary.map((s) => [s.state, s.qty, s.date])).toEqual([
      ["DELIVERED", 2000, expect.any(String)],
      ["RETURNED", 1000, "2026-11-24"],
      ["CANCELLED", 1000, "2026-11-20"],
    ]);
    expect(stateSummary(mug?.parts ?? []).find((s) => s.state === "RETURNED")?.date).toBeNull();
  });
});
