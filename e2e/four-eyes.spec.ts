import { chooseReason, expect, openApplication, pageAs, test } from "./fixtures";

const czk = (minor: number) =>
  new Intl.NumberFormat("en-GB", { style: "currency", currency: "CZK" }).format(minor / 100);

test("an agent's refund above the limit waits for a different supervisor, then goes through exactly once", async ({
  page,
  browser,
  sandbox,
}) => {
  const { id, orderNumber } = await sandbox.create("delivered", [
    { code: "TV", name: "Televize", unitPrice: 1_499_000 },
  ]);
  // The agent asks for 6 000 Kč: above the 5 000 Kč limit.
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Money only — refund amount/ }).check();
  await page.getByRole("textbox", { name: "Amount to refund" }).fill("6000");
  await chooseReason(page, "Goodwill gesture");
  await expect(page.getByText("Above your limit of CZK 5,000.00").first()).toBeVisible();
  await page.getByRole("button", { name: "Review refund" }).click();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: `Request approval to refund ${czk(600_000)}` })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "Sent for approval" })).toContainText(
    "Nothing has been sent to Skip Pay yet.",
  );
  await expect(page.getByRole("listitem", { name: /Amount-only refund — Awaiting approval/ })).toContainText(
    "Waiting for a supervisor to approve",
  );
  expect((await sandbox.events(id)).filter((e) => e.operation === "order/return")).toHaveLength(0);

  // A supervisor finds it in the approval queue and approves it.
  const supervisor = await pageAs(browser, "supervisor");
  await supervisor.goto("/approvals");
  await expect(supervisor.getByRole("listitem").filter({ hasText: orderNumber })).toContainText(
    "requested by Alena Králová",
  );
  await supervisor.getByRole("button", { name: `Approve ${orderNumber}` }).click();
  await expect(supervisor.getByRole("status").filter({ hasText: "the customer owes" })).toContainText(
    czk(600_000),
  );

  // Exactly one refund reached Skip Pay, and the timeline shows both people.
  const refunds = (await sandbox.events(id)).filter((e) => e.operation === "order/return" && e.changed);
  expect(refunds).toHaveLength(1);
  await page.reload();
  const entry = page.getByRole("listitem", { name: /Amount-only refund — Done/ });
  await expect(entry).toContainText("by Alena Králová");
  await expect(entry).toContainText("Approved by Simona Dušková");
  await expect(page.getByRole("region", { name: "Money ledger" })).toContainText(czk(1_499_000 - 600_000));
  await supervisor.context().close();
});

test("a supervisor cannot approve their own request; a second supervisor can reject it", async ({
  browser,
  sandbox,
}) => {
  const { id } = await sandbox.create("delivered", [{ code: "TV", name: "Televize", unitPrice: 1_499_000 }]);
  const agent2 = await pageAs(browser, "agent2");
  await agent2.goto(`/applications/${id}`);
  await agent2.getByRole("radio", { name: /Money only — refund amount/ }).check();
  await agent2.getByRole("textbox", { name: "Amount to refund" }).fill("7000");
  await chooseReason(agent2, "Damaged or faulty");
  await agent2.getByRole("button", { name: "Review refund" }).click();
  await agent2
    .getByRole("dialog")
    .getByRole("button", { name: /Request approval/ })
    .click();
  await expect(agent2.getByRole("status").filter({ hasText: "Sent for approval" })).toBeVisible();

  const supervisor = await pageAs(browser, "supervisor2");
  await supervisor.goto(`/applications/${id}`);
  const entry = supervisor.getByRole("listitem", { name: /Amount-only refund — Awaiting approval/ });
  await entry
    .getByRole("textbox", { name: "Note on your decision (optional)" })
    .fill("Please attach the photos first");
  await entry.getByRole("button", { name: "Reject" }).click();
  await expect(supervisor.getByRole("status").filter({ hasText: "The request was rejected" })).toBeVisible();
  await expect(supervisor.getByRole("listitem", { name: /Amount-only refund — Rejected/ })).toContainText(
    "Please attach the photos first",
  );
  expect((await sandbox.events(id)).filter((e) => e.operation === "order/return")).toHaveLength(0);
  await agent2.context().close();
  await supervisor.context().close();
});
