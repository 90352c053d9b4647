// An operation whose answer was lost never locks its application for good: the server settles it on its own
// schedule by the operation's own footprint (a delivery marked elsewhere meanwhile does not hide it), and what is
// still unclear once the lease is over goes to a supervisor, who records what happened.
import { expect, openApplication, pageAs, refund, TOTAL, test } from "./fixtures";

const czk = (minor: number) =>
  new Intl.NumberFormat("en-GB", { style: "currency", currency: "CZK" }).format(minor / 100);

const returnPath = (id: string) => `/financing/v1/applications/${id}/order/return`;

test("a lost refund and a delivery marked elsewhere: settled without a reload, and the order takes the next one", async ({
  page,
  sandbox,
}) => {
  test.setTimeout(90_000);
  const { id } = await sandbox.create("sent");
  await openApplication(page, id);
  await sandbox.fault("500", returnPath(id));
  await refund(page, "100");
  await expect(page.getByText("We do not know whether Skip Pay applied it.")).toBeVisible({
    timeout: 15_000,
  });
  // Outside this admin, the whole order is marked delivered: it now matches neither "before" nor "as planned".
  await sandbox.call("PUT", `/financing/v1/applications/${id}/order/deliver`, {});
  // Nobody reloads or clicks: once the lease is over the server finds the refund's footprint absent.
  await expect(page.getByRole("listitem", { name: /Amount-only refund — Failed/ })).toContainText(
    "Skip Pay did not apply it",
    { timeout: 45_000 },
  );
  await expect(page.getByText("Skip Pay did not answer clearly and may still apply it.")).toHaveCount(0);
  await page.reload();
  await refund(page, "50");
  await expect(page.getByRole("status").filter({ hasText: "the customer owes" })).toBeVisible();
  expect((await sandbox.application(id)).order.totalPrice.amount).toBe(TOTAL - 5_000);
});

test("a lost refund Skip Pay applied after all is found applied by the server's schedule, delivery or not", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("sent");
  await openApplication(page, id);
  await sandbox.fault("500", returnPath(id));
  await refund(page, "100");
  await expect(page.getByText("We do not know whether Skip Pay applied it.")).toBeVisible({
    timeout: 15_000,
  });
  // Skip Pay commits the refund late; then the order is marked delivered elsewhere.
  await sandbox.call("PUT", returnPath(id), {
    items: [],
    totalPrice: { amount: 10_000, currency: "CZK" },
  });
  await sandbox.call("PUT", `/financing/v1/applications/${id}/order/deliver`, {});
  await expect(page.getByRole("listitem", { name: /Amount-only refund — Done/ })).toContainText(
    "re-reading the order showed its change",
    { timeout: 15_000 },
  );
  expect((await sandbox.application(id)).order.totalPrice.amount).toBe(TOTAL - 10_000);
  expect((await sandbox.events(id)).filter((e) => e.operation === "order/return" && e.changed)).toHaveLength(
    1,
  );
});

test("still unclear after the lease: the lock goes, a supervisor sees the evidence and records the outcome", async ({
  page,
  browser,
  sandbox,
}) => {
  test.setTimeout(90_000);
  const { id } = await sandbox.create("delivered");
  await openApplication(page, id);
  await sandbox.fault("500", returnPath(id));
  await refund(page, "100");
  await expect(page.getByText("We do not know whether Skip Pay applied it.")).toBeVisible({
    timeout: 15_000,
  });
  // Someone refunds a different amount directly at Skip Pay: the total moved, but not by this refund's amount.
  await sandbox.call("PUT", returnPath(id), { items: [], totalPrice: { amount: 3_000, currency: "CZK" } });
  const entry = page.getByRole("listitem", { name: /Amount-only refund — Needs a supervisor/ });
  await expect(entry).toBeVisible({ timeout: 45_000 });
  await expect(page.getByRole("alert").filter({ hasText: "is unclear" })).toContainText("do not repeat it");
  await expect(entry).toContainText("A supervisor records whether it was applied.");
  await expect(entry.getByRole("button", { name: /Record/ })).toHaveCount(0);

  const supervisor = await pageAs(browser, "supervisor");
  await openApplication(supervisor, id);
  const evidence = supervisor
    .getByRole("listitem", { name: /Amount-only refund — Needs a supervisor/ })
    .getByRole("table", { name: /The order before the operation/ });
  await expect(evidence.getByRole("row", { name: /Total/ })).toContainText(
    `${czk(TOTAL)}${czk(TOTAL - 10_000)}${czk(TOTAL - 3_000)}`,
  );
  await supervisor
    .getByRole("textbox", { name: "What you checked (optional)" })
    .fill("Skip Pay support: not applied");
  await supervisor.getByRole("button", { name: "Record: not applied" }).click();
  await expect(supervisor.getByRole("listitem", { name: /Amount-only refund — Failed/ })).toContainText(
    "Recorded as not applied by Simona Dušková",
  );
  await expect(supervisor.getByText("Skip Pay support: not applied")).toBeVisible();
  // The agent's page shows it too, and the application takes the next refund.
  await page.reload();
  await expect(page.getByRole("alert").filter({ hasText: "is unclear" })).toHaveCount(0);
  await refund(page, "20");
  await expect(page.getByRole("status").filter({ hasText: "the customer owes" })).toBeVisible();
  expect((await sandbox.application(id)).order.totalPrice.amount).toBe(TOTAL - 3_000 - 2_000);
  await supervisor.close();
});
