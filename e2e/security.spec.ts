// Nothing but the sign-in page works without a session, and each role's limits hold on the server.
import { request as playwrightRequest } from "@playwright/test";
import { callAction, serverActions } from "./actions";
import { chooseReason, expect, openApplication, pageAs, test } from "./fixtures";
import { authFile } from "./roles";

test.describe("without a session", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("every page sends you to sign in, and back afterwards", async ({ page, sandbox }) => {
    const { id } = await sandbox.create("ready");
    for (const path of [
      "/applications",
      `/applications/${id}`,
      "/approvals",
      "/requests",
      "/reports",
      "/outbox",
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
    for (const path of [
      `/api/applications/${id}`,
      `/api/applications/${id}/journal`,
      `/api/applications/${id}/payments`,
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(401);
      expect(await response.json()).toEqual({ error: "unauthenticated" });
    }
  });

  test("the pages' messages are the one route open without a session: UI text, and nothing else", async ({
    request,
  }) => {
    const login = await request.get("/api/messages/en/login?v=any");
    expect(login.status()).toBe(200);
    expect(login.headers()["cache-control"]).toBe("no-store");
    expect(Object.keys(await login.json()).sort()).toEqual([
      "errorPage",
      "intents",
      "login",
      "nav",
      "requests",
    ]);
    for (const path of ["/api/messages/en/secrets", "/api/messages/xx/order", "/api/messages/en/__proto__"])
      expect((await request.get(path)).status(), path).toBe(404);
  });

  test("every server action but the language switch and the after-sign-in step answers 403, saying why", async ({
    request,
    sandbox,
  }) => {
    const { id } = await sandbox.create("delivered");
    expect(
      serverActions()
        .map((a) => a.name)
        .sort(),
    ).toEqual(
      [
        "afterSignIn",
        "changeStaff",
        "checkDrift",
        "createStaff",
        "decideApproval",
        "decisionsSeen",
        "notifyCustomer",
        "rereadBatch",
        "resolveOperation",
        "sandboxDecision",
        "setLocale",
        "submitOperation",
        "withdrawRequest",
      ].sort(),
    );
    for (const name of [
      "changeStaff",
      "checkDrift",
      "createStaff",
      "decideApproval",
      "decisionsSeen",
      "notifyCustomer",
      "rereadBatch",
      "resolveOperation",
      "sandboxDecision",
      "submitOperation",
      "withdrawRequest",
    ]) {
      const { status, text } = await callAction(request, name, { applicationId: id });
      expect(status, name).toBe(403);
      expect(text, name).toBe(
        "unauthenticated: no valid session (signed out, expired or disabled); sign in again. Nothing was done.",
      );
    }
    // Open to anyone: it reads the session itself and, without one, does nothing.
    expect((await callAction(request, "afterSignIn", undefined, { path: "/login" })).result).toEqual({
      ok: false,
    });
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
  const { status, text } = await callAction(viewer, "submitOperation", {
    values: {},
    basis: {},
    loadedAt: new Date().toISOString(),
    submissionId: crypto.randomUUID(),
  });
  expect(status).toBe(403);
  expect(text).toBe("forbidden: the role viewer may not do this (it needs operate). Nothing was done.");
  await viewer.dispose();
  expect((await sandbox.events(id)).filter((e) => e.operation === "order/return")).toHaveLength(0);
  // A viewer asks for nothing, so has no requests to see.
  await page.goto("/requests");
  await expect(page.getByRole("heading", { name: "Your role does not allow this" })).toBeVisible();
});

test("an agent cannot approve, and cannot open the approval queue or staff management", async ({
  page,
  request,
}) => {
  const approval = await callAction(request, "decideApproval", {
    operationId: crypto.randomUUID(),
    decision: "approve",
    note: "",
  });
  expect(approval.status).toBe(403);
  expect(approval.text).toBe(
    "forbidden: the role agent may not do this (it needs approve). Nothing was done.",
  );
  for (const path of ["/approvals", "/staff"]) {
    // Refused in place: the address stays, and the answer says so.
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole("heading", { name: "Your role does not allow this" })).toBeVisible();
  }
  const staff = await callAction(
    request,
    "createStaff",
    { email: "x@y.cz", name: "X", role: "admin", password: "0123456789ab" },
    { path: "/staff" },
  );
  expect(staff.status).toBe(403);
  expect(staff.text).toBe(
    "forbidden: the role agent may not do this (it needs manage_users). Nothing was done.",
  );
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

test("a server action posted from another origin, or as a plain form, answers 403 and runs nothing", async ({
  request,
  sandbox,
}) => {
  const { id } = await sandbox.create("delivered");
  for (const origin of ["https://evil.example", "null", "http://127.0.0.1:1", "not a url, really"]) {
    const { status, text } = await callAction(
      request,
      "sandboxDecision",
      { applicationId: id, decision: "reject" },
      {
        origin,
      },
    );
    expect(status, origin).toBe(403);
    expect(text, origin).toBe(
      `cross_origin: this server action was sent from another origin (${origin}). Nothing was done.`,
    );
  }
  // Without the page's scripts, a form names the action in its body; this app has no such forms.
  const action = serverActions().find((a) => a.name === "sandboxDecision");
  const form = await request.post(`/applications/${id}`, {
    multipart: { [`$ACTION_ID_${action?.id}`]: "", "1_applicationId": id, "1_decision": "reject" },
  });
  expect(form.status()).toBe(403);
  expect(await form.text()).toBe(
    "forbidden: this app takes server actions only from its own pages' scripts. Nothing was done.",
  );
  expect((await sandbox.application(id)).state).toBe("READY");
});

test("the header's two plain forms refuse a post from another origin, and a language that is not one", async ({
  request,
  baseURL,
}) => {
  for (const origin of ["https://evil.example", "null", "http://127.0.0.1:1", "not a url, really"])
    for (const path of ["/api/session/locale", "/api/session/sign-out"]) {
      const answer = await request.post(path, {
        headers: { origin },
        form: { locale: "cs" },
        maxRedirects: 0,
      });
      expect(answer.status(), `${path} from ${origin}`).toBe(403);
      expect(answer.headers()["set-cookie"], `${path} from ${origin}`).toBeUndefined();
    }
  const wrong = await request.post("/api/session/locale", {
    headers: { origin: baseURL as string },
    form: { locale: "de" },
    maxRedirects: 0,
  });
  expect(wrong.status()).toBe(400);
  expect(wrong.headers()["set-cookie"]).toBeUndefined();
  // From this site: back to the page it came from, never to another site.
  for (const { referer, location } of [
    { referer: `${baseURL}/applications?q=novak`, location: "/applications?q=novak" },
    { referer: "https://evil.example/phish", location: "/applications" },
  ]) {
    const right = await request.post("/api/session/locale", {
      headers: { origin: baseURL as string, referer },
      form: { locale: "en" },
      maxRedirects: 0,
    });
    expect(right.status()).toBe(303);
    expect(right.headers().location).toBe(location);
  }
});

test("each role is refused exactly the server actions its role may not make (403), and gets the others", async ({
  browser,
}) => {
  const needs: Record<string, "anyone" | "view" | "operate" | "approve" | "manage_users"> = {
    setLocale: "anyone",
    decisionsSeen: "view",
    afterSignIn: "anyone",
    submitOperation: "operate",
    sandboxDecision: "operate",
    checkDrift: "operate",
    notifyCustomer: "operate",
    decideApproval: "approve",
    withdrawRequest: "operate",
    resolveOperation: "approve",
    rereadBatch: "approve",
    createStaff: "manage_users",
    changeStaff: "manage_users",
  };
  const may = {
    viewer: ["view"],
    agent: ["view", "operate"],
    supervisor: ["view", "operate", "approve"],
    admin: ["view", "operate", "approve", "manage_users"],
  };
  // Every action of the build has a rule here (one without a rule would be refused for everyone).
  expect(Object.keys(needs).sort()).toEqual(
    serverActions()
      .map((a) => a.name)
      .sort(),
  );
  for (const [role, permissions] of Object.entries(may)) {
    const page = await pageAs(browser, role as keyof typeof may);
    for (const [name, need] of Object.entries(needs)) {
      // An invalid argument: an allowed call is answered by the action (and changes nothing).
      const { status, text } = await callAction(page.request, name, "x");
      const allowed = need === "anyone" || permissions.includes(need);
      expect(status, `${role} ${name}`).toBe(allowed ? 200 : 403);
      if (!allowed)
        expect(text, `${role} ${name}`).toMatch(new RegExp(`^forbidden: the role ${role} may not`));
    }
    await page.context().close();
  }
});

test("a signed-out page's action says the session ended and offers to sign in again; nothing is done", async ({
  browser,
  sandbox,
}) => {
  const { id } = await sandbox.create("delivered");
  const page = await pageAs(browser, "agent");
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Money only — refund amount/ }).check();
  await page.getByRole("textbox", { name: "Amount to refund" }).fill("100");
  await chooseReason(page, "Goodwill gesture");
  await page.getByRole("button", { name: "Review refund" }).click();
  // The session is gone (signed out in another tab, expired) while the confirmation is open.
  const before = await sandbox.events(id);
  await page.context().clearCookies();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /^Refund / })
    .click();
  const alert = page.getByRole("alert").filter({ hasText: "Your session has ended" });
  await expect(alert.getByRole("heading", { name: "Your session has ended" })).toBeVisible();
  await expect(alert).toContainText("Nothing was done.");
  await expect(alert.getByRole("link", { name: "Sign in again" })).toHaveAttribute(
    "href",
    `/login?next=${encodeURIComponent(`/applications/${id}`)}`,
  );
  expect(await sandbox.events(id)).toEqual(before);
  await page.context().close();
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
