import type { BrowserContext, Page } from "@playwright/test";
import { chooseReason, expect, openApplication, type Sandbox, test } from "./fixtures";

test("the stale-page guard: a change made elsewhere is shown, nothing is sent, and the agent confirms on fresh data", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("delivered");
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Came back — return/ }).check();
  await page.getByRole("spinbutton", { name: "Quantity of Hrnek smaltovaný to return" }).fill("2");
  await chooseReason(page, "Customer asked");
  await page.getByRole("button", { name: "Review return" }).click();
  // Meanwhile someone returns a mug directly at Skip Pay.
  await sandbox.call("PUT", `/financing/v1/applications/${id}/order/return`, {
    items: [{ code: "MUG", quantity: 1 }],
  });
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /Return 2 items/ })
    .click();
  const alert = page.getByRole("alert").filter({ hasText: "This order changed since you opened it." });
  await expect(alert).toContainText("Hrnek smaltovaný: 3× Delivered → 2× Delivered, 1× Returned");
  await expect(alert).toContainText("outside this admin");
  await expect(alert).toContainText("This change was not made at Skip Pay.");
  expect((await sandbox.events(id)).filter((e) => e.operation === "order/return" && e.changed)).toHaveLength(
    1,
  );

  // The page now shows the fresh order; the same selection is re-planned on it and confirmed.
  await expect(page.getByRole("row", { name: /Hrnek smaltovaný/ })).toContainText("1× Returned");
  // Returned outside this admin: no journal entry, so no date beside it.
  await expect(page.getByRole("row", { name: /Hrnek smaltovaný/ })).not.toContainText(/Returned \d/);
  await page.getByRole("button", { name: "Review return" }).click();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /Return 2 items/ })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "Returned 2 items" })).toBeVisible();
  const mugs = (await sandbox.application(id)).order.items.filter((i: { code: string }) => i.code === "MUG");
  expect(mugs.map((m: { state: string; quantity: number }) => [m.state, m.quantity])).toEqual([
    ["RETURNED", 3],
  ]);
});

// Both tabs refund 100 Kč; the second confirmation must be refused and name the first one's author.
async function twoTabs(page: Page, context: BrowserContext, sandbox: Sandbox) {
  const { id } = await sandbox.create("delivered");
  const second = await context.newPage();
  await openApplication(page, id);
  await openApplication(second, id);
  for (const tab of [page, second]) {
    await tab.getByRole("radio", { name: /Money only — refund amount/ }).check();
    await tab.getByRole("textbox", { name: "Amount to refund" }).fill("100");
    await chooseReason(tab, "Goodwill gesture");
    await tab.getByRole("button", { name: "Review refund" }).click();
  }
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /^Refund / })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "the customer owes" })).toBeVisible();
  await second
    .getByRole("dialog")
    .getByRole("button", { name: /^Refund / })
    .click();
  await expect(second.getByRole("alert").filter({ hasText: "This order changed" })).toContainText(
    "Changed by Alena Králová (Amount-only refund",
  );
  expect((await sandbox.events(id)).filter((e) => e.operation === "order/return" && e.changed)).toHaveLength(
    1,
  );
}

test("two tabs: the second confirmation names who changed the order in the first", async ({
  page,
  context,
  sandbox,
}) => {
  await twoTabs(page, context, sandbox);
});

test("a staff PC whose clock is an hour ahead still names who changed the order (the server's clock decides)", async ({
  page,
  context,
  sandbox,
}) => {
  await context.clock.install({ time: Date.now() + 60 * 60_000 });
  await twoTabs(page, context, sandbox);
});

test("a double click on confirm sends one operation", async ({ page, sandbox }) => {
  const { id } = await sandbox.create("delivered");
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Money only — refund amount/ }).check();
  await page.getByRole("textbox", { name: "Amount to refund" }).fill("100");
  await chooseReason(page, "Goodwill gesture");
  await page.getByRole("button", { name: "Review refund" }).click();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /^Refund / })
    .dblclick();
  await expect(page.getByRole("status").filter({ hasText: "the customer owes" })).toBeVisible();
  expect((await sandbox.events(id)).filter((e) => e.operation === "order/return" && e.changed)).toHaveLength(
    1,
  );
});
