// Nothing but the sign-in page works without a session, and each role's limits hold on the server.
import { request as playwrightRequest } from "@playwright/test";
import { callAction, serverActions } from "./actions";
import { expect, pageAs, test } from "./fixtures";
import { authFile } from "./roles";

test.describe("without a session", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("every page sends you to sign in, and back afterwards", async ({ page, sandbox }) => {
    const { id } = await sandbox.create("ready");
    for (const path of [
      "/applications",
      `/applications/${id}`,
      "/approvals",
      "/staff",
      "/applications?state=READY",
    ]) {
      await page.goto(path);
      await expect(page).toHaveURL(
        new RegExp(`/login\\?next=${encodeURIComponent(path).replace(/[?]/g, "\\?")}`),
      );
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    }
    await page.getByRole("textbox", { name: "E-mail" }).fill("viewer@demo.cz");
    await page.getByLabel("Password").fill("demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/applications\?state=READY$/);
  });

  test("every route handler answers 401", async ({ request, sandbox }) => {
    const { id } = await sandbox.create("ready");
    for (const path of [`/api/applications/${id}`, `/api/applications/${id}/journal`]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(401);
      expect(await response.json()).toEqual({ error: "unauthenticated" });
    }
  });

  test("every server action refuses (the language switch aside, which only sets a cookie)", async ({
    request,
    sandbox,
  }) => {
    const { id } = await sandbox.create("delivered");
    const actions = serverActions().filter((a) => a.name !== "setLocale");
    expect(actions.map((a) => a.name).sort()).toEqual(
      [
        "afterSignIn",
        "changeStaff",
        "createStaff",
        "decideApproval",
        "sandboxDecision",
        "submitOperation",
      ].sort(),
    );
    for (const action of actions) {
      const { result } = await callAction(request, action.name, { applicationId: id });
      expect(result, action.name).toMatchObject({ ok: false });
      expect(JSON.stringify(result), action.name).toMatch(/unauthenticated|"ok":false/);
    }
    expect((await sandbox.events(id)).filter((e) => e.operation === "order/return")).toHaveLength(0);
  });
});

test("a viewer sees the order but cannot change it — and the server refuses when asked directly", async ({
  browser,
  sandbox,
}) => {
  const { id } = await sandbox.create("delivered");
  const page = await pageAs(browser, "viewer");
  await page.goto(`/applications/${id}`);
  await expect(page.getByRole("status").filter({ hasText: "View only" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /Came back — return/ })).toHaveCount(0);
  const viewer = await playwrightRequest.newContext({
    baseURL: page.url().split("/applications")[0],
    storageState: authFile("viewer"),
  });
  const { result } = await callAction(viewer, "submitOperation", {
    values: {},
    basis: {},
    loadedAt: new Date().toISOString(),
    submissionId: crypto.randomUUID(),
  });
  expect(result).toEqual({ ok: false, failure: { kind: "forbidden" } });
  await viewer.dispose();
  expect((await sandbox.events(id)).filter((e) => e.operation === "order/return")).toHaveLength(0);
});

test("an agent cannot approve, and cannot open the approval queue or staff management", async ({
  page,
  request,
}) => {
  const { result } = await callAction(request, "decideApproval", {
    operationId: crypto.randomUUID(),
    decision: "approve",
    note: "",
  });
  expect(result).toEqual({ ok: false, failure: { kind: "forbidden" } });
  for (const path of ["/approvals", "/staff"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Your role does not allow this" })).toBeVisible();
  }
  expect(
    (
      await callAction(
        request,
        "createStaff",
        { email: "x@y.cz", name: "X", role: "admin", password: "0123456789ab" },
        { path: "/staff" },
      )
    ).result,
  ).toEqual({
    ok: false,
    error: "forbidden",
  });
});

test("staff cannot rename themselves or change their e-mail or password through the sign-in service", async ({
  page,
  request,
  baseURL,
}) => {
  // Renaming oneself would rewrite who did what in the journal; accounts are the admins' (/staff).
  for (const [path, data] of [
    ["/api/auth/update-user", { name: "Simona Dušková" }],
    ["/api/auth/change-email", { newEmail: "agent@evil.example" }],
    ["/api/auth/change-password", { currentPassword: "demo-password", newPassword: "another-password-1" }],
    ["/api/auth/revoke-sessions", {}],
    ["/api/auth/request-password-reset", { email: "admin@demo.cz" }],
  ] as const) {
    const response = await request.post(path, { data, headers: { origin: baseURL ?? "" } });
    expect(response.status(), path).toBe(404);
  }
  expect((await request.get("/api/auth/list-sessions")).status()).toBe(404);
  await page.goto("/applications");
  await expect(page.getByRole("banner")).toContainText("Alena Králová");
  expect((await request.get("/api/auth/get-session")).status()).toBe(200);
});

test("a server action posted from another origin is refused", async ({ request }) => {
  const { status, result } = await callAction(
    request,
    "submitOperation",
    {},
    { origin: "https://evil.example" },
  );
  expect(status).toBeGreaterThanOrEqual(400);
  expect(result).toBeNull();
});

test("Skip Pay's notification endpoint, open to anyone, reads no body longer than a notification", async ({
  request,
  baseURL,
  sandbox,
}) => {
  const url = "/api/skippay/notifications";
  const padded = JSON.stringify({ id: "0000000000", state: "READY", pad: "a".repeat(20_000) });
  const declared = await request.post(url, { data: padded, headers: { "content-type": "application/json" } });
  expect(declared.status()).toBe(413);
  // Streamed without a length: cut off once it is too long.
  const chunks = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < 40; i++) controller.enqueue(new TextEncoder().encode("a".repeat(1_000)));
      controller.close();
    },
  });
  const streamed = await fetch(`${baseURL}${url}`, {
    method: "POST",
    body: chunks,
    headers: { "content-type": "application/json" },
    duplex: "half",
  } as RequestInit);
  expect(streamed.status).toBe(413);
  // A real notification still goes through.
  const { id } = await sandbox.create("ready");
  const real = await request.post(url, { data: { id, state: "READY", stateReason: "READY_TO_SHIP" } });
  expect(real.status()).toBe(200);
  expect(await real.json()).toEqual({ status: "OK" });
});
