// Every upstream fault the sandbox can inject, through the real UI: what staff read, and whether the page says
// honestly if anything happened and whether a retry is safe.
import { chooseReason, expect, openApplication, pageAs, refund, reviewRefund, TOTAL, test } from "./fixtures";

const czk = (minor: number) =>
  new Intl.NumberFormat("en-GB", { style: "currency", currency: "CZK" }).format(minor / 100);

// The journal re-reads the order at once after an unclear outcome. The change shown → done, once. Nothing shown yet
// → "unknown": Skip Pay may still apply a call it received, so the page says not to retry and holds the order.
const CASES = [
  { kind: "500", title: "Skip Pay had a problem answering.", outcome: "unknown" },
  { kind: "503", title: "Skip Pay had a problem answering.", outcome: "unknown" },
  { kind: "429", title: "Skip Pay asked us to slow down.", outcome: "failed" },
  { kind: "timeout", title: "the customer owes", outcome: "applied" },
  { kind: "reset", title: "Could not reach Skip Pay.", outcome: "unknown" },
  { kind: "malformed", title: "the customer owes", outcome: "applied" },
  { kind: "applied-then-500", title: "the customer owes", outcome: "applied" },
] as const;

for (const c of CASES) {
  test(`${c.kind}: staff learn whether it was applied and whether to retry`, async ({ page, sandbox }) => {
    const { id } = await sandbox.create("delivered");
    await openApplication(page, id);
    await sandbox.fault(c.kind, `/financing/v1/applications/${id}/order/return`);
    await refund(page, "100");
    // While Skip Pay keeps it waiting, the keyboard stays in the dialog (both its buttons are disabled).
    if (c.kind === "timeout")
      await expect(page.getByRole("dialog").getByRole("heading", { name: /^Confirm/ })).toBeFocused();
    const applied = c.outcome === "applied";
    if (applied) {
      // The answer was lost, but the order shows the refund: it is reported as done, once.
      const done = page.getByRole("status").filter({ hasText: c.title });
      await expect(done).toContainText("re-reading the order shows it was applied", { timeout: 15_000 });
      // Nothing says Skip Pay confirmed what it did not: the state shown is the one read again.
      await expect(done).toContainText("Read again from Skip Pay: application Ready");
      await expect(done).not.toContainText("Skip Pay confirms");
      await expect(page.getByTestId("current-total")).toHaveText(czk(TOTAL - 10_000));
    } else if (c.outcome === "unknown") {
      const alert = page.getByRole("alert").filter({ hasText: c.title });
      await expect(alert).toContainText("We do not know whether Skip Pay applied it.", { timeout: 15_000 });
      await expect(alert).toContainText(
        "Do not try again yet: check the order first — trying again could refund twice.",
      );
      // One banner for the one outcome: it says until when the order is held, with one "Check now".
      await expect(alert).toContainText("It holds the order until");
      await expect(page.getByRole("button", { name: "Check now" })).toHaveCount(1);
    } else {
      const alert = page.getByRole("alert").filter({ hasText: c.title });
      await expect(alert).toContainText("This change was not made at Skip Pay.", { timeout: 15_000 });
      await expect(alert).toContainText("Try again in a moment (after 2 s).");
    }
    const app = await sandbox.application(id);
    expect(app.order.totalPrice.amount).toBe(applied ? TOTAL - 10_000 : TOTAL);
    const status = { applied: "Done", unknown: "Outcome unknown", failed: "Failed" }[c.outcome];
    await expect(
      page.getByRole("listitem", { name: new RegExp(`Amount-only refund — ${status}`) }),
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
  await expect(page.getByRole("status").filter({ hasText: "the customer owes" })).toBeVisible();
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
  await expect(alert).toContainText("This change was not made at Skip Pay.");
  expect((await sandbox.application(id)).order.totalPrice.amount).toBe(TOTAL);
});

test("a change made elsewhere meanwhile is caught before anything is sent", async ({ page, sandbox }) => {
  const { id } = await sandbox.create("delivered");
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Money only — refund amount/ }).check();
  await page.getByRole("textbox", { name: "Amount to refund" }).fill("100");
  await chooseReason(page, "Goodwill gesture");
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
  await expect(alert).toContainText("This change was not made at Skip Pay.");
  expect((await sandbox.events(id)).filter((e) => e.operation === "order/return")).toHaveLength(1);
});

test("'Check now' says so when the order cannot be read, and the page keeps what it knew", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("delivered");
  await openApplication(page, id);
  await sandbox.fault("500", `/financing/v1/applications/${id}/order/return`);
  await refund(page, "100");
  const unknown = page.getByText("We do not know whether Skip Pay applied it.");
  await expect(unknown).toBeVisible({ timeout: 15_000 });
  const failed = page.getByText("Could not check: the server did not answer.");
  const check = page.getByRole("button", { name: "Check now" });
  // The admin's own server is out of reach.
  await page.route(`**/api/applications/${id}`, (route) => route.abort("connectionrefused"));
  await check.click();
  await expect(failed).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("current-total")).toHaveText(czk(TOTAL));
  // Reachable again: both reads answer, the check is over, and the message has gone.
  await page.unroute(`**/api/applications/${id}`);
  const journalRead = page.waitForResponse(
    (r) => r.url().endsWith(`/api/applications/${id}/journal`) && r.ok(),
  );
  await check.click();
  await journalRead;
  await expect(check).not.toHaveAttribute("aria-busy", "true");
  await expect(failed).toHaveCount(0);
  await expect(unknown).toBeVisible();
});

test("a second agent who confirms while the first one's refund holds the order is told theirs was not sent", async ({
  page,
  browser,
  sandbox,
}) => {
  const { id } = await sandbox.create("delivered");
  const other = await pageAs(browser, "agent2");
  await openApplication(page, id);
  await openApplication(other, id);
  // Both review a refund; the first one's answer is lost, so it holds the order while it is checked.
  await reviewRefund(page, "100");
  await reviewRefund(other, "200");
  await sandbox.fault("reset", `/financing/v1/applications/${id}/order/return`);
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /^Refund / })
    .click();
  await expect(page.getByRole("alert").filter({ hasText: "We do not know whether" })).toBeVisible({
    timeout: 15_000,
  });
  await other
    .getByRole("dialog")
    .getByRole("button", { name: /^Refund / })
    .click();
  const answer = other
    .getByRole("alert")
    .filter({ hasText: "refund (" })
    .filter({ hasText: "is still being checked" });
  await expect(answer).toContainText("This change was not made at Skip Pay.");
  await expect(answer.getByRole("heading")).toBeFocused();
  // Skip Pay never saw the second refund (200 Kč): at most the first one's 100 Kč can be gone.
  expect([TOTAL, TOTAL - 10_000]).toContain((await sandbox.application(id)).order.totalPrice.amount);
  await other.context().close();
});
