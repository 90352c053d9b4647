import { expect, openApplication, refund, test } from "./fixtures";

test.describe("finding an application", () => {
  test("search by order number opens the application", async ({ page, sandbox }) => {
    const { id, orderNumber } = await sandbox.create("ready");
    await page.goto("/applications");
    await page.getByRole("searchbox", { name: /Application ID, order number/ }).fill(orderNumber);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(new RegExp(`/applications/${id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Order ${orderNumber}`);
    await expect(page.getByTestId("state-explanation")).toContainText("Ship it");
  });

  test("search by variable symbol and by application id, and an unknown one says so", async ({
    page,
    sandbox,
  }) => {
    const { id } = await sandbox.create("ready");
    const vs = (await sandbox.application(id)).order.variableSymbols[0];
    for (const term of [id, vs]) {
      await page.goto(`/applications?q=${encodeURIComponent(term)}&lookup=1`);
      await expect(page).toHaveURL(new RegExp(`/applications/${id}$`));
    }
    await page.goto("/applications?q=NO-SUCH-ORDER-42&lookup=1");
    await expect(page.getByRole("status")).toContainText(
      "Skip Pay has no application matching “NO-SUCH-ORDER-42”",
    );
  });

  test("the list knows applications created at Skip Pay, filters by state in the URL, and links to them", async ({
    page,
    sandbox,
  }) => {
    const ready = await sandbox.create("ready");
    const processing = await sandbox.create("processing");
    // Skip Pay notifies the admin about new applications and their approval; the list shows each state as soon as
    // its notification has been read. The ready one's two notifications race each other: the list must end up
    // with its newer state, whichever read finished last.
    await expect(async () => {
      await page.goto("/applications?state=PROCESSING");
      await expect(page.getByRole("link", { name: processing.orderNumber })).toBeVisible({ timeout: 1_000 });
      await expect(page.getByRole("link", { name: ready.orderNumber })).toHaveCount(0, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await page.getByRole("combobox", { name: "State" }).selectOption("READY");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/state=READY/);
    await page.getByRole("link", { name: ready.orderNumber }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Order ${ready.orderNumber}`);
  });

  test("an unknown application id shows a not-found page", async ({ page }) => {
    await page.goto("/applications/ffffffffff");
    await expect(
      page.getByRole("heading", { name: "Skip Pay does not know this application" }),
    ).toBeVisible();
  });
});

test("a PROCESSING application explains why nothing is possible, and the sandbox can approve it", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("processing");
  await openApplication(page, id);
  const cancel = page.getByRole("radio", { name: /Not shipped — cancel/ });
  await expect(cancel).toBeDisabled();
  await expect(
    page.getByText("Not possible while the application is Processing (Pre-approved).").first(),
  ).toBeVisible();
  await page.getByRole("button", { name: "Approve as Skip Pay" }).click();
  await expect(cancel).toBeEnabled();
  await expect(page.getByTestId("state-explanation")).toContainText("Approved");
});

test("the page keeps itself current: Skip Pay approving the application elsewhere shows without a reload", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("processing");
  await openApplication(page, id);
  const cancel = page.getByRole("radio", { name: /Not shipped — cancel/ });
  await expect(cancel).toBeDisabled();
  // Skip Pay decides on its own (the customer finished the application): the page is not told, it keeps looking.
  expect((await sandbox.call("POST", `/control/applications/${id}/approve`)).status).toBe(200);
  await expect(cancel).toBeEnabled({ timeout: 15_000 });
  await expect(page.getByTestId("state-explanation")).toContainText("Approved");
});

test("the order's history comes with the page itself, not from a request after it", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("delivered");
  await openApplication(page, id);
  await refund(page, "100");
  await expect(page.getByRole("listitem", { name: /Amount-only refund — Done/ })).toBeVisible();

  // Opened again with the journal's API refused: the history and the ledger come with the page.
  const asked: string[] = [];
  await page.route("**/api/applications/*/journal", async (route) => {
    asked.push(route.request().url());
    await route.abort();
  });
  await page.reload();
  await expect(page.getByRole("listitem", { name: /Amount-only refund — Done/ })).toBeVisible();
  expect(asked).toEqual([]);
});

test("Back after an operation shows the order as it is now, not as the page first read it", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("delivered");
  await openApplication(page, id);
  const total = page.getByTestId("current-total");
  const before = await total.textContent();
  await refund(page, "100");
  await expect(total).not.toHaveText(before ?? "");
  const after = await total.textContent();
  await page.getByRole("link", { name: "All applications" }).click();
  await expect(page).toHaveURL(/\/applications$/);
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Order");
  await expect(total).toHaveText(after ?? "");
});

test("Back minutes later reads the order again: a change made meanwhile at Skip Pay shows", async ({
  page,
  sandbox,
}) => {
  await page.clock.install();
  const { id } = await sandbox.create("delivered");
  await openApplication(page, id);
  const total = page.getByTestId("current-total");
  const before = await total.textContent();
  await page.getByRole("link", { name: "All applications" }).click();
  await expect(page).toHaveURL(/\/applications$/);
  await sandbox.call("PUT", `/financing/v1/applications/${id}/order/return`, {
    items: [{ code: "MUG", quantity: 1 }],
  });
  // Long enough for the order's cached data to be dropped; the page Back restores still carries its first read.
  await page.clock.fastForward("06:00");
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Order");
  await expect(total).not.toHaveText(before ?? "");
});
