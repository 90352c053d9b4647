// Hardening, checked against the running production build: security headers and a Content-Security-Policy the
// app really works under, markup in data rendered as text, and no Skip Pay credential or token anywhere a
// browser can read.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, type Page, request as playwrightRequest } from "@playwright/test";
import { chooseReason, expect, LINES, openApplication, pageAs, refund, test } from "./fixtures";
import { authFile } from "./roles";
import { E2E_SECRETS } from "./secrets";

/** Collects Content-Security-Policy violations and any dialog (alert/confirm) a page raises. */
function watch(page: Page) {
  const violations: string[] = [];
  const dialogs: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  return { violations, dialogs };
}

test("pages carry a nonce-based CSP without unsafe-eval, no framing, and the strict headers", async ({
  request,
  sandbox,
}) => {
  const { id } = await sandbox.create("ready");
  for (const url of ["/applications", `/applications/${id}`]) {
    const response = await request.get(url);
    expect(response.status()).toBe(200);
    const h = response.headers();
    const csp = h["content-security-policy"] ?? "";
    const directives = Object.fromEntries(
      csp.split(";").map((d) => {
        const [name = "", ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    const nonce = directives["script-src"]?.find((v) => v.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce, "a per-request nonce").toMatch(/^[A-Za-z0-9+/=]{16,}$/);
    expect(directives["script-src"]).not.toContain("'unsafe-eval'");
    expect(directives["script-src"]).not.toContain("'unsafe-inline'");
    expect(directives["frame-ancestors"]).toEqual(["'none'"]);
    expect(directives["object-src"]).toEqual(["'none'"]);
    expect(directives["base-uri"]).toEqual(["'self'"]);
    expect(directives["form-action"]).toEqual(["'self'"]);
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-powered-by"]).toBeUndefined();
    // Every script the page ships carries this response's nonce; nothing runs without it.
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // A fresh nonce per response.
    const again = (await request.get(url)).headers()["content-security-policy"];
    expect(again).not.toBe(csp);
  }
  // JSON APIs get the static headers too.
  const api = await request.get(`/api/applications/${id}`);
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

test("markup in item names and staff notes is shown as text and never runs — under a CSP that blocks nothing the app needs", async ({
  page,
  sandbox,
}) => {
  const seen = watch(page);
  const img = `<img src=x onerror="window.__xss='item'">`;
  const script = `<script>window.__xss='script'</script>Konvice`;
  const { id } = await sandbox.create("delivered", [
    { code: "XSS-1", name: img, unitPrice: 10_000 },
    { code: "XSS-2", name: script, unitPrice: 20_000 },
    ...LINES,
  ]);
  await openApplication(page, id);
  await expect(page.getByRole("row", { name: /XSS-1/ })).toContainText(img);
  await expect(page.getByRole("row", { name: /XSS-2/ })).toContainText(script);

  // A return whose note is markup too; the journal shows the note as typed.
  const note = `<img src=x onerror="window.__xss='note'"><b>bold?</b>`;
  await page.getByRole("radio", { name: /Came back — return/ }).check();
  await page.getByRole("spinbutton", { name: `Quantity of ${img} to return` }).fill("1");
  await page.getByRole("textbox", { name: "Internal note" }).fill(note);
  await chooseReason(page, "Wrong item sent");
  await page.getByRole("button", { name: "Review return" }).click();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /^Return 1 item/ })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "Returned 1 item" })).toBeVisible();
  await expect(page.getByText(note, { exact: false })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "What changes for the customer" }).getByRole("textbox"),
  ).toHaveValue(new RegExp(img.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));

  expect(await page.evaluate(() => (window as { __xss?: string }).__xss)).toBeUndefined();
  expect(await page.locator("img[src=x], b:text('bold?')").count()).toBe(0);
  expect(seen.dialogs).toEqual([]);
  // The page did all that under its Content-Security-Policy without a single violation.
  expect(seen.violations).toEqual([]);
});

/** Strings in `text` shaped like a sandbox access token (43 base64url characters) that Skip Pay accepts. */
async function validTokensIn(sandboxApi: APIRequestContext, applicationId: string, text: string) {
  const candidates = new Set(text.match(/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g) ?? []);
  const valid: string[] = [];
  for (const token of candidates) {
    const r = await sandboxApi.get(`/sandbox/financing/v1/applications/${applicationId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (r.status() !== 401) valid.push(token);
  }
  return valid;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

const SECRET_VALUES = Object.values(E2E_SECRETS);
// Names that only server configuration code mentions: seeing one in the client build means it was bundled there.
const SERVER_ONLY_NAMES = ["SKIPPAY_PASSWORD", "SANDBOX_PASSWORD", "SESSION_SECRET"];

test("no Skip Pay credential, token or session secret in the client build or in anything served to a browser", async ({
  browser,
  baseURL,
  sandbox,
}) => {
  // The client build.
  const files = filesUnder(path.resolve(import.meta.dirname, "../.next/static"));
  expect(files.filter((f) => f.endsWith(".js")).length).toBeGreaterThan(5);
  for (const file of files) {
    const text = readFileSync(file, "latin1");
    for (const needle of [...SECRET_VALUES, ...SERVER_ONLY_NAMES])
      expect(text.includes(needle), `${needle} in ${path.relative(process.cwd(), file)}`).toBe(false);
  }

  // Served pages, RSC payloads and JSON, after the app has used its Skip Pay token.
  const { id } = await sandbox.create("delivered");
  const agent = await pageAs(browser, "agent");
  await openApplication(agent, id);
  await refund(agent, "10");
  await expect(agent.getByRole("status").filter({ hasText: "the customer owes" })).toBeVisible();

  const bodies: string[] = [];
  for (const role of ["agent", "admin"] as const) {
    const ctx = await playwrightRequest.newContext({ baseURL, storageState: authFile(role) });
    for (const url of [
      "/applications",
      `/applications/${id}`,
      `/api/applications/${id}`,
      `/api/applications/${id}/journal`,
      `/api/applications/${id}/payments`,
      "/approvals",
      "/requests",
      "/reports",
      "/reports/export?range=month",
      "/outbox",
      "/staff",
    ]) {
      const r = await ctx.get(url);
      const text = await r.text();
      bodies.push(`${JSON.stringify(r.headers())}\n${text}`);
      // The page's messages, a file of their own since they left the HTML.
      for (const [, src] of text.matchAll(/href="(\/api\/messages\/[^"]+)"/g))
        bodies.push(await (await ctx.get((src as string).replaceAll("&amp;", "&"))).text());
      const rsc = await ctx.get(url, { headers: { rsc: "1" } });
      bodies.push(await rsc.text());
    }
    await ctx.dispose();
  }
  const anonymous = await playwrightRequest.newContext({ baseURL });
  for (const url of ["/login", "/healthz"]) bodies.push(await (await anonymous.get(url)).text());
  await anonymous.dispose();

  const everything = bodies.join("\n");
  for (const secret of SECRET_VALUES) expect(everything).not.toContain(secret);
  const sandboxApi = await playwrightRequest.newContext({ baseURL });
  expect(await validTokensIn(sandboxApi, id, everything)).toEqual([]);

  // The token check recognises a live token when one is there (so the empty result above means something).
  const login = await sandbox.call("POST", "/authentication/v1/partner", {
    username: E2E_SECRETS.SANDBOX_USERNAME,
    password: E2E_SECRETS.SANDBOX_PASSWORD,
  });
  const live = login.body.accessToken as string;
  expect(await validTokensIn(sandboxApi, id, `x ${live} y`)).toEqual([live]);
  await sandboxApi.dispose();
});
