// Every upstream fault the sandbox can inject, through the real UI: what staff read, and whether the page says
// honestly if anything happened and whether a retry is safe.
import type { Page } from "@playwright/test";
import { expect, openApplication, TOTAL, test } from "./fixtures";

async function refund(page: Page, amount: string) {
  await page.getByRole("radio", { name: /Money only — refund amount/ }).check();
  await page.getByRole("textbox", { name: "Amount to refund" }).fill(amount);
  await page.getByRole("button", { name: "Review refund" }).click();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /^Refund / })
    .click();
}

const CASES = [
  { kind: "500", title: "Skip Pay had a problem answering.", applied: "unknown", changed: false },
  { kind: "503", title: "Skip Pay had a problem answering.", applied: "unknown", changed: false },
  { kind: "429", title: "Skip Pay asked us to slow down.", applied: "no", changed: false },
  { kind: "timeout", title: "Skip Pay did not answer in time.", applied: "unknown", changed: true },
  { kind: "reset", title: "Could not reach Skip Pay.", applied: "unknown", changed: false },
  { kind: "malformed", title: "Skip Pay's answer could not be read.", applied: "unknown", changed: true },
  { kind: "applied-then-500", title: "Skip Pay had a problem answering.", applied: "unknown", changed: true },
] as const;

for (const c of CASES) {
  test(`${c.kind}: the failure says what staff need to know`, async ({ page, sandbox }) => {
    const { id } = await sandbox.create("delivered");
    await openApplication(page, id);
    await sandbox.fault(c.kind, `/financing/v1/applications/${id}/order/return`);
    await refund(page, "100");
    const alert = page.getByRole("alert").filter({ hasText: c.title });
    await expect(alert).toBeVisible({ timeout: 15_000 });
    if (c.applied === "unknown") {
      await expect(alert).toContainText("We do not know whether Skip Pay applied it.");
      await expect(alert).toContainText("Do not try again yet: check the order first");
      // Checking again shows what really happened at Skip Pay.
      await alert.getByRole("button", { name: "Check the order again" }).click();
      await expect(page.getByTestId("current-total")).toHaveText(
        new Intl.NumberFormat("en-GB", { style: "currency", currency: "CZK" }).format(
          (c.changed ? TOTAL - 10_000 : TOTAL) / 100,
        ),
      );
    } else {
      await expect(alert).toContainText("Nothing was changed at Skip Pay.");
      await expect(alert).toContainText("Try again in a moment (after 2 s).");
    }
    const app = await sandbox.application(id);
    expect(app.order.totalPrice.amount).toBe(c.changed ? TOTAL - 10_000 : TOTAL);
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

test("a change made elsewhere meanwhile is caught by re-planning on fresh data: nothing is sent", async ({
  page,
  sandbox,
}) => {
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
  // The action re-plans on the fresh order: 100 CZK no longer fits, and nothing is sent.
  const alert = page
    .getByRole("alert")
    .filter({ hasText: "This is not possible on the order as it is now." });
  await expect(alert).toContainText("At most");
  await expect(alert).toContainText("Nothing was changed at Skip Pay.");
  expect((await sandbox.events(id)).filter((e) => e.operation === "order/return")).toHaveLength(1);
});
