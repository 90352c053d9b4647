// Playwright fixtures: every test creates its own applications through the sandbox's HTTP API (never relying on
// seed data or on another test), and reads ground truth back from it.
import {
  type APIRequestContext,
  type Browser,
  test as base,
  expect,
  type Locator,
  type Page,
} from "@playwright/test";
import { buildApplicationRequest, type LineSpec } from "@/lib/sandbox/builders";
import type { FinancingType } from "@/lib/skippay/schemas";
import { authFile, type TestRole } from "./roles";
import { E2E_SECRETS } from "./secrets";

export { expect };

export const LINES: LineSpec[] = [
  { code: "KETTLE", name: "Rychlovarná konvice", unitPrice: 149_900, ean: "8594000000017" },
  { code: "MUG", name: "Hrnek smaltovaný", unitPrice: 19_900, quantity: 3 },
  { code: "BOOK", name: "Kuchařka", unitPrice: 39_900, vatRate: 12 },
];
export const TOTAL = 149_900 + 3 * 19_900 + 39_900;

type Stage = "processing" | "ready" | "sent" | "delivered";

export class Sandbox {
  private token: string | null = null;
  constructor(
    private readonly request: APIRequestContext,
    private readonly baseURL: string,
  ) {}

  private async auth(): Promise<Record<string, string>> {
    if (!this.token) {
      const login = await this.request.post("/sandbox/authentication/v1/partner", {
        data: { username: E2E_SECRETS.SANDBOX_USERNAME, password: E2E_SECRETS.SANDBOX_PASSWORD },
      });
      expect(login.status()).toBe(200);
      this.token = (await login.json()).accessToken as string;
    }
    return { authorization: `Bearer ${this.token}` };
  }

  async call(method: "GET" | "POST" | "PUT", path: string, data?: unknown) {
    const response = await this.request.fetch(`/sandbox${path}`, {
      method,
      headers: await this.auth(),
      data: data ?? (method === "GET" ? undefined : {}),
    });
    return { status: response.status(), body: await response.json().catch(() => null) };
  }

  /** A new application with its own order number, moved to the given stage. */
  async create(
    stage: Stage = "ready",
    lines: LineSpec[] = LINES,
    type: FinancingType = "DEFERRED_PAYMENT",
    /** false: an order created without a variable symbol (the shop gives one when it marks the order sent). */
    withVariableSymbol = true,
    /** false: Skip Pay sends the admin no notifications for it (see createUnannounced). */
    announce = true,
  ): Promise<{ id: string; orderNumber: string }> {
    const orderNumber =
      `E2E-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`.toUpperCase();
    const created = await this.call(
      "POST",
      "/financing/v1/applications",
      buildApplicationRequest({
        orderNumber,
        // Unique per application: the order number's few digits would collide between tests.
        variableSymbol: withVariableSymbol
          ? `${Date.now() % 10_000_000}${Math.floor(Math.random() * 1_000)}`.padStart(10, "1")
          : null,
        lines,
        type,
        // Otherwise the builder's default, a shop host the sandbox does not post to.
        notificationEndpoint: announce ? `${this.baseURL}/api/skippay/notifications` : undefined,
      }),
    );
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    if (stage !== "processing") await this.call("POST", `/control/applications/${id}/approve`);
    if (stage === "sent" || stage === "delivered")
      await this.call("PUT", `/financing/v1/applications/${id}/order/send`, { sentDate: "2026-11-12" });
    if (stage === "delivered")
      await this.call("PUT", `/financing/v1/applications/${id}/order/deliver`, {
        deliveryDate: "2026-11-14",
      });
    return { id, orderNumber };
  }

  /**
   * As create, but Skip Pay sends the admin no notifications, so nothing reads the application in the background:
   * a one-time GET fault then meets the page's own read, not a notification's that arrived late.
   */
  createUnannounced(stage: Stage) {
    return this.create(stage, LINES, "DEFERRED_PAYMENT", true, false);
  }

  async application(id: string) {
    const { body } = await this.call("GET", `/financing/v1/applications/${id}`);
    return body;
  }

  async events(id: string): Promise<{ operation: string; status: number; changed: boolean }[]> {
    return (await this.call("GET", `/control/applications/${id}/events`)).body.events;
  }

  async fault(kind: string, pathPrefix: string, method = "PUT", count = 1) {
    const { status } = await this.call("POST", "/control/faults", { kind, pathPrefix, method, count });
    expect(status).toBe(201);
  }
}

export const test = base.extend<{ sandbox: Sandbox }>({
  sandbox: async ({ request, baseURL }, use) => {
    await use(new Sandbox(request, baseURL as string));
  },
});

/** Opens an application page and waits for the workspace. */
export async function openApplication(page: Page, id: string) {
  await page.goto(`/applications/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Order");
}

/** Holds the page's requests to `url` (a glob) until `release()`. */
export async function holdRequests(page: Page, url: string) {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(url, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Holds the page's scripts (not its styles, which the streamed page waits for) until `release()`: until then the
 * agent works on the server-rendered page alone. */
export function holdScripts(page: Page) {
  return holdRequests(page, "**/_next/static/chunks/**/*.js");
}

/** Opens `url` with the page's scripts held (see `holdScripts`); returns `release`. */
export async function openWithoutScripts(page: Page, url: string) {
  const release = await holdScripts(page);
  await page.goto(url, { waitUntil: "commit" });
  return release;
}

/** Staff pick the reason themselves: none is preselected. */
export async function chooseReason(page: Page, reason: string) {
  await page.getByRole("combobox", { name: "Reason" }).selectOption({ label: reason });
}

/** Fills in an amount-only refund (`amount` as staff type it, in Kč) and opens its review. */
export async function reviewRefund(page: Page, amount: string) {
  await page.getByRole("radio", { name: /Money only — refund amount/ }).check();
  await page.getByRole("textbox", { name: "Amount to refund" }).fill(amount);
  await chooseReason(page, "Goodwill gesture");
  await page.getByRole("button", { name: "Review refund" }).click();
}

/** Reviews and confirms an amount-only refund (`amount` as staff type it, in Kč). */
export async function refund(page: Page, amount: string) {
  await reviewRefund(page, amount);
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /^Refund / })
    .click();
}

/** An agent's amount-only refund above their limit, sent to a supervisor for approval. */
export async function requestRefund(page: Page, amount: string) {
  await reviewRefund(page, amount);
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /^Request approval to refund / })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "Sent for approval" })).toContainText(
    "Waiting for a supervisor.",
  );
}

/** Chooses an operation, sets quantities by item name, reviews and confirms. */
export async function chooseOperation(page: Page, label: RegExp) {
  await page.getByRole("radio", { name: label }).check();
}

/** The exact request in the confirmation, written out once staff open "What Skip Pay receives". */
export async function requestBody(dialog: Locator) {
  await dialog.getByText("What Skip Pay receives").click();
  return dialog.getByTestId("plan-body");
}

/** A page in a new browser context signed in as another role (e.g. a second person for four eyes). */
export async function pageAs(browser: Browser, role: TestRole): Promise<Page> {
  const context = await browser.newContext({
    storageState: authFile(role),
    locale: "en-GB",
    timezoneId: "Europe/Prague",
  });
  return context.newPage();
}

/** A page with no session at all (the default one is signed in as the agent). */
export async function signedOutPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "en-GB", storageState: { cookies: [], origins: [] } });
  return context.newPage();
}

/** An admin creates a staff account on /staff (one nobody else uses, so tests can lock or disable it). */
export async function createAccount(admin: Page, account: { email: string; name: string; password: string }) {
  await admin.goto("/staff");
  await admin.getByRole("textbox", { name: "E-mail" }).fill(account.email);
  await admin.getByRole("textbox", { name: "Name" }).fill(account.name);
  await admin.getByRole("combobox", { name: "Role", exact: true }).selectOption("agent");
  await admin.getByLabel("Initial password").fill(account.password);
  await admin.getByRole("button", { name: "Create account" }).click();
  await expect(
    admin.getByRole("status").filter({ hasText: `Account ${account.email} created.` }),
  ).toBeVisible();
}

/** Signs in through the login form. */
export async function signInAs(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByRole("textbox", { name: "E-mail" }).fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
