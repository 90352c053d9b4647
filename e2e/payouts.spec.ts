// Payouts from Skip Pay on the order page: after a sandbox payout the page lists it and the money ledger says what
// Skip Pay paid out; a refund after the payout says Skip Pay will claim it back from the shop; the list's "Paid
// out" substate finds the order.
import { expect, openApplication, refund, TOTAL, test } from "./fixtures";

const czk = (minor: number) =>
  new Intl.NumberFormat("en-GB", { style: "currency", currency: "CZK" }).format(minor / 100);

test("after a payout the order page lists it and the ledger says what Skip Pay paid out to the shop", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("delivered");
  await openApplication(page, id);
  const payouts = page.getByRole("region", { name: "Payouts from Skip Pay" });
  await expect(payouts).toContainText("Skip Pay has not paid anything out to you for this order yet.");
  const ledger = page.getByRole("region", { name: "Money ledger" });
  await expect(ledger).not.toContainText("Paid out to you by Skip Pay");

  const paid = await sandbox.call("POST", `/control/applications/${id}/payout`, { date: "2026-11-20" });
  expect(paid.status).toBe(200);
  const paymentId = paid.body.payment.paymentId as string;

  await page.reload();
  const item = payouts.getByRole("listitem");
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("20 Nov 2026");
  await expect(item).toContainText(czk(TOTAL));
  await expect(item).toContainText(`Payment ${paymentId}`);
  await expect(item).toContainText("invoice due 20 Dec 2026");
  await expect(ledger).toContainText(`Paid out to you by Skip Pay${czk(TOTAL)}`);
  await expect(ledger).not.toContainText("claim");
  await expect(page.getByText(/^Substate: Paid out$/).first()).toBeVisible();
});

test("the list's substate filter 'Paid out' finds a paid-out order", async ({ page, sandbox }) => {
  const { id, orderNumber } = await sandbox.create("delivered");
  expect((await sandbox.call("POST", `/control/applications/${id}/payout`)).status).toBe(200);
  // Skip Pay notifies the admin of the new substate; the list shows the order once its index has it.
  await expect(async () => {
    await page.goto(`/applications?q=${orderNumber}&state=READY_PAID`);
    await expect(page.getByRole("link", { name: orderNumber })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
});

test("a second payout is listed too, in the order Skip Pay made them", async ({ page, sandbox }) => {
  const { id } = await sandbox.create("delivered");
  await sandbox.call("POST", `/control/applications/${id}/payout`, { amount: 100_000, date: "2026-11-20" });
  await sandbox.call("POST", `/control/applications/${id}/payout`, { date: "2026-11-27" });
  await openApplication(page, id);
  const items = page.getByRole("region", { name: "Payouts from Skip Pay" }).getByRole("listitem");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText(`20 Nov 2026${czk(100_000)}`);
  await expect(items.nth(1)).toContainText(`27 Nov 2026${czk(TOTAL - 100_000)}`);
  await expect(page.getByRole("region", { name: "Money ledger" })).toContainText(
    `Paid out to you by Skip Pay${czk(TOTAL)}`,
  );
});

test("a refund after the payout says Skip Pay will claim it back from the shop", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("delivered");
  expect((await sandbox.call("POST", `/control/applications/${id}/payout`)).status).toBe(200);
  await openApplication(page, id);
  const ledger = page.getByRole("region", { name: "Money ledger" });
  await expect(ledger).toContainText(`Paid out to you by Skip Pay${czk(TOTAL)}`);

  await refund(page, "100");
  await expect(page.getByTestId("operation-result").getByRole("heading")).toHaveText(
    `Done: the customer owes ${czk(10_000)} less.`,
  );
  await expect(ledger.getByRole("status")).toContainText(
    `Skip Pay will claim ${czk(10_000)} back from the shop`,
  );
  await expect(ledger).toContainText("returned or refunded after Skip Pay had paid the order out to you");
  // What was paid out stays as it was: a claim is not a negative payout.
  await expect(page.getByRole("region", { name: "Payouts from Skip Pay" }).getByRole("listitem")).toHaveCount(
    1,
  );
});
