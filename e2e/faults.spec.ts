// Every upstream fault the sandbox can inject, through the real UI: what staff read, and whether the page says
// honestly if anything happened and whether a retry is safe.
import type { Page } from "@playwright/test";
import { expect, openApplication, TOTAL, test } from "./fixtures";

const czk = (minor: number) =>
  new Intl.NumberFormat("en-GB", { style: "currency", currency: "CZK" }).format(minor / 100);

async function refund(page: Page, amount: string) {
  await page.getByRole("radio", { name: /Money only — refund amount/ }).check();
  await page.getByRole("textbox", { name: "Amount to refund" }).fill(amount);
  await page.getByRole("button", { name: "Review refund" }).click();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /^Refund / })
    .click();
}

// The journal settles an unclear outcome at once by re-reading the order, so staff learn what really happened.
const CASES = [
  { kind: "500", title: "Skip Pay had a problem answering.", applied: false },
  { kind: "503", title: "Skip Pay had a problem answering.", applied: false },
  { kind: "429", title: "Skip Pay asked us to slow down.", applied: false },
  { kind: "timeout", title: "Skip Pay refunds", applied: true },
  { kind: "reset", title: "Could not reach Skip Pay.", applied: false },
  { kind: "malformed", title: "Skip Pay refunds", applied: true },
  { kind: "applied-then-500", title: "Skip Pay refunds", applied: true },
] as const;

for (const c of CASES) {
  test(`${c.kind}: staff learn whether it was applied and whether to retry`, async ({ page, sandbox }) => {
    const { id } = await sandbox.create("delivered");
    await openApplication(page, id);
    await sandbox.fault(c.kind, `/financing/v1/applications/${id}/order/return`);
    await refund(page, "100");
    if (c.applied) {
      // The answer was lost, but the order shows the refund: it is reported as done, once.
      const done = page.getByRole("status").filter({ hasText: c.title });
      await expect(done).toContainText("re-reading the order shows it was applied", { timeout: 15_000 });
      await expect(page.getByTestId("current-total")).toHaveText(czk(TOTAL - 10_000));
    } else {
      const alert = page.getByRole("alert").filter({ hasText: c.title });
      await expect(alert).toContainText("Nothing was changed at Skip Pay.", { timeout: 15_000 });
      await expect(alert).toContainText(
        c.kind === "429" ? "Try again in a moment (after 2 s)." : "It is safe to try again.",
      );
    }
    const app = await sandbox.application(id);
    expect(app.order.totalPrice.amount).toBe(c.applied ? TOTAL - 10_000 : TOTAL);
    await expect(
      page.getByRole("listitem", {
        name: c.applied ? /Amount-only refund — Done/ : /Amount-only refund — Failed/,
      }),
    ).toBeVisible();
  });
}

test("401: a revoked token is renewed once and the refund goes through exactly once", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("delivered");
  await openApplication(page, id);
  await sandbox.fault("401", `/financing/v1/applications/${id}/order/return`);
  await refund(page, "100");
  await expect(page.getByRole("status").filter({ hasText: "Skip Pay refunds" })).toBeVisible();
  const events = await sandbox.events(id);
  expect(events.filter((e) => e.operation === "order/return" && e.changed)).toHaveLength(1);
});

test("401 twice: our credentials are refused, nothing happened", async ({ page, sandbox }) => {
  const { id } = await sandbox.create("delivered");
  await openApplication(page, id);
  await sandbox.fault("401", `/financing/v1/applications/${id}/order/return`, "PUT", 2);
  await refund(page, "100");
  const alert = page
    .getByRole("alert")
    .filter({ hasText: "Skip Pay rejected our credentials; tell an administrator." });
  await expect(alert).toContainText("Nothing was changed at Skip Pay.");
  expect((await sandbox.application(id)).order.totalPrice.amount).toBe(TOTAL);
});

test("a change made elsewhere meanwhile is caught before anything is sent", async ({ page, sandbox }) => {
  const { id } = await sandbox.create("delivered");
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Money only — refund amount/ }).check();
  await page.getByRole("textbox", { name: "Amount to refund" }).fill("100");
  await page.getByRole("button", { name: "Review refund" }).click();
  // Meanwhile someone else refunds almost everything at Skip Pay directly.
  await sandbox.call("PUT", `/financing/v1/applications/${id}/order/return`, {
    items: [],
    totalPrice: { amount: TOTAL - 5_000, currency: "CZK" },
  });
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /^Refund / })
    .click();
  const alert = page.getByRole("alert").filter({ hasText: "This order changed since you opened it." });
  await expect(alert).toContainText(`Total: ${czk(TOTAL)} → ${czk(5_000)}`);
  await expect(alert).toContainText("Nothing was changed at Skip Pay.");
  expect((await sandbox.events(id)).filter((e) => e.operation === "order/return")).toHaveLength(1);
});
