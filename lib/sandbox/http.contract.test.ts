// The sandbox's HTTP contract, exercised over real HTTP with a real database. Every response body is checked
// against the official OpenAPI spec (when ../shared is present).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpecValidator, type SpecValidator } from "@/lib/testing/openapi";
import { type SandboxServer, startSandboxServer } from "@/lib/testing/sandbox-server";
import { buildApplicationRequest, type LineSpec } from "./builders";

let server: SandboxServer;
let spec: SpecValidator;
let token: string;
let orderSeq = 0;

interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

async function call(
  method: string,
  path: string,
  body?: unknown,
  auth: string | null = token,
): Promise<Reply> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { "content-type": "application/json; charset=utf-8" } : {}),
      ...(auth ? { authorization: `Bearer ${auth}` } : {}),
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return { status: response.status, headers: response.headers, body: parsed };
}

function conforms(schema: string, body: unknown) {
  expect(spec.problems(schema, body), `${schema} per the official spec`).toEqual([]);
}

const LINES: LineSpec[] = [
  { code: "KETTLE", name: "Rychlovarná konvice", unitPrice: 149_900, ean: "8594000000017" },
  { code: "MUG", name: "Hrnek", unitPrice: 19_900, quantity: 3 },
  { code: "BOOK", name: "Kuchařka", unitPrice: 39_900, vatRate: 12 },
];
const TOTAL = 149_900 + 3 * 19_900 + 39_900;

async function createReady(lines: LineSpec[] = LINES): Promise<string> {
  orderSeq += 1;
  const created = await call(
    "POST",
    "/financing/v1/applications",
    buildApplicationRequest({ orderNumber: `C-${orderSeq}`, lines }),
  );
  expect(created.status).toBe(201);
  const approved = await call("POST", `/control/applications/${created.body.id}/approve`, {});
  expect(approved.status).toBe(200);
  return created.body.id;
}

async function events(id: string) {
  return (await call("GET", `/control/applications/${id}/events`)).body.events as {
    operation: string;
    status: number;
    changed: boolean;
    fault: string | null;
  }[];
}

beforeAll(async () => {
  server = await startSandboxServer();
  spec = loadSpecValidator();
  const login = await call(
    "POST",
    "/authentication/v1/partner",
    { username: "sandbox", password: "sandbox" },
    null,
  );
  token = login.body.accessToken;
});

afterAll(async () => {
  await server?.close();
});

describe("the spec validator", () => {
  it("fails, not warns, when the spec cannot be read", () => {
    expect(() => loadSpecValidator("/nonexistent/skippay-openapi.yaml")).toThrow(/cannot be read/);
  });

  it("checks a request against its operation's request schema, query and path", () => {
    const send = "/financing/v1/applications/abc/order/send";
    expect(spec.request("PUT", send, { sentDate: "2026-11-12" })).toEqual({
      operation: "PUT /financing/v1/applications/{applicationId}/order/send",
      schema: "OrderItemsSendRequest",
      problems: [],
    });
    expect(spec.request("PUT", send, { items: [{ code: "MUG", quantity: 0.5 }] }).problems).toContain(
      "/items/0/quantity must be >= 1",
    );
    expect(spec.request("GET", "/financing/v1/orders?orderNumber=1&number=2", undefined).problems).toEqual([
      "query parameter number is not in the spec",
    ]);
    expect(spec.request("PUT", "/financing/v1/applications/abc/refund", {}).operation).toBeNull();
  });

  it("catches bodies that do not conform (so a pass means something)", () => {
    expect(spec.problems("OrderExtendedResponse", { number: "X", items: [] }).length).toBeGreaterThan(0);
    expect(spec.problems("Amount", { amount: "100", currency: "CZK" })).toContain("/amount must be number");
  });
});

describe("authentication", () => {
  it("logs in with the partner credentials and returns a 2-hour bearer token", async () => {
    const login = await call(
      "POST",
      "/authentication/v1/partner",
      { username: "sandbox", password: "sandbox" },
      null,
    );
    expect(login.status).toBe(200);
    expect(login.body.expiresIn).toBe(7200);
    expect(login.body.accessToken.length).toBeGreaterThanOrEqual(30);
    conforms("PartnerLoginResult", login.body);
  });

  it("answers wrong credentials with 400 and the error envelope", async () => {
    const login = await call(
      "POST",
      "/authentication/v1/partner",
      { username: "sandbox", password: "nope" },
      null,
    );
    expect(login.status).toBe(400);
    expect(login.body.errors[0]).toMatchObject({ code: "INVALID_REQUEST", severity: "ERROR" });
    conforms("ErrorsResponse", login.body);
  });

  it("answers a missing or invalid bearer with 401 and the OAuth-style body", async () => {
    const missing = await call("GET", "/financing/v1/applications/abc", undefined, null);
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({
      error: "invalid_request",
      error_description: "The access token is missing",
    });
    const invalid = await call("GET", "/financing/v1/applications/abc", undefined, "not-a-token");
    expect(invalid.status).toBe(401);
    expect(invalid.body.error).toBe("invalid_token");
    expect(invalid.headers.get("www-authenticate")).toContain("Bearer");
  });

  it("expires tokens after their lifetime", async () => {
    let clock = new Date("2026-11-23T10:00:00Z");
    const short = await startSandboxServer({ tokenTtlSeconds: 60, now: () => clock });
    try {
      const login = await fetch(`${short.baseUrl}/authentication/v1/partner`, {
        method: "POST",
        body: JSON.stringify({ username: "sandbox", password: "sandbox" }),
      }).then((r) => r.json());
      const get = () =>
        fetch(`${short.baseUrl}/financing/v1/orders?orderNumber=X`, {
          headers: { authorization: `Bearer ${login.accessToken}` },
        });
      expect((await get()).status).toBe(404);
      clock = new Date(clock.getTime() + 61_000);
      const expired = await get();
      expect(expired.status).toBe(401);
      expect((await expired.json()).error).toBe("invalid_token");
    } finally {
      await short.close();
    }
  });

  it("serves the health check without a token", async () => {
    const health = await call("GET", "/v1/health", undefined, null);
    expect(health.status).toBe(200);
    conforms("HealthCheckResponse", health.body);
  });
});

describe("the order lifecycle over HTTP", () => {
  it("create → approve → cancel part → send → deliver → return part → amount-only refund → full return", async () => {
    const request = buildApplicationRequest({
      orderNumber: "LIFE-1",
      variableSymbol: "2026000042",
      lines: LINES,
    });
    const created = await call("POST", "/financing/v1/applications", request);
    expect(created.status).toBe(201);
    conforms("ApplicationResponse", created.body);
    expect(created.body).toMatchObject({ state: "PROCESSING", stateReason: "PROCESSING_PREAPPROVED" });
    // Required by the spec, never defined there: the customer type, UNKNOWN to the sandbox (docs/sandbox.md).
    expect(created.body.customer.type).toBe("UNKNOWN");
    expect(
      spec.problems("ApplicationResponse", {
        ...created.body,
        customer: { ...created.body.customer, type: undefined },
      }),
    ).not.toEqual([]);
    const id = created.body.id;

    const duplicate = await call("POST", "/financing/v1/applications", request);
    expect(duplicate.status).toBe(200);
    expect(duplicate.body.id).toBe(id);

    for (const query of ["orderNumber=LIFE-1", "orderVariableSymbol=2026000042", `applicationId=${id}`]) {
      const found = await call("GET", `/financing/v1/orders?${query}`);
      expect(found.status).toBe(200);
      expect(found.body.applicationInfo.id).toBe(id);
      conforms("OrderExtendedResponse", found.body);
    }

    const approved = await call("POST", `/control/applications/${id}/approve`, {});
    expect(approved.body).toMatchObject({ state: "READY", stateReason: "READY_TO_SHIP" });

    const cancelled = await call("PUT", `/financing/v1/applications/${id}/order/cancel`, {
      items: [{ code: "MUG", quantity: 1 }],
    });
    expect(cancelled.status).toBe(200);
    conforms("OrderExtendedResponse", cancelled.body);
    expect(cancelled.body.totalPrice.amount).toBe(TOTAL - 19_900);
    expect(cancelled.body.items.filter((i: { code: string }) => i.code === "MUG")).toMatchObject([
      { quantity: 2, state: "PROCESSING" },
      { quantity: 1, state: "CANCELLED" },
    ]);

    const sent = await call("PUT", `/financing/v1/applications/${id}/order/send`, {
      sentDate: "2026-11-12",
      deliveryCarrier: "PPL",
      deliveryTrackingNumber: "PPL123",
    });
    conforms("OrderExtendedResponse", sent.body);
    expect(sent.body).toMatchObject({
      state: "SENT",
      sentDate: "2026-11-12",
      deliveryTrackingNumber: "PPL123",
    });
    expect(sent.body.applicationInfo.stateReason).toBe("READY_SHIPPED");

    const delivered = await call("PUT", `/financing/v1/applications/${id}/order/deliver`, {
      deliveryDate: "2026-11-14",
    });
    expect(delivered.body.state).toBe("DELIVERED");
    expect(delivered.body.applicationInfo.stateReason).toBe("READY_DELIVERED");

    const returned = await call("PUT", `/financing/v1/applications/${id}/order/return`, {
      items: [{ code: "KETTLE", ean: "8594000000017", quantity: 1 }],
      totalPrice: { amount: 140_000, currency: "CZK" },
    });
    expect(returned.status).toBe(200);
    conforms("OrderExtendedResponse", returned.body);
    expect(returned.body.totalPrice.amount).toBe(TOTAL - 19_900 - 140_000);
    expect(returned.body.items.find((i: { code: string }) => i.code === "KETTLE").state).toBe("RETURNED");

    const refunded = await call("PUT", `/financing/v1/applications/${id}/order/return`, {
      items: [],
      totalPrice: { amount: 5_000, currency: "CZK" },
    });
    expect(refunded.status).toBe(200);
    expect(refunded.body.totalPrice.amount).toBe(TOTAL - 19_900 - 145_000);
    expect(refunded.body.state).toBe("DELIVERED");
    expect(refunded.body.items.map((i: { state: string }) => i.state)).toEqual(
      returned.body.items.map((i: { state: string }) => i.state),
    );

    const full = await call("PUT", `/financing/v1/applications/${id}/order/return`, {});
    expect(full.status).toBe(200);
    conforms("OrderExtendedResponse", full.body);
    expect(full.body.state).toBe("RETURNED");
    expect(full.body.totalPrice.amount).toBe(0);
    expect(full.body.applicationInfo).toMatchObject({
      state: "CANCELLED",
      stateReason: "CANCELLED_RETURNED",
    });

    const detail = await call("GET", `/financing/v1/applications/${id}`);
    conforms("ApplicationResponse", detail.body);
    expect(detail.body.order.totalPrice.amount).toBe(0);

    const history = await events(id);
    expect(history.map((e) => e.operation)).toEqual([
      "create",
      "create-duplicate",
      "control/approve",
      "order/cancel",
      "order/send",
      "order/deliver",
      "order/return",
      "order/return",
      "order/return",
    ]);
    expect(history.every((e) => e.status === 200 || e.status === 201)).toBe(true);
  });

  it("cancels the whole application before shipping", async () => {
    const id = await createReady();
    const cancelled = await call("PUT", `/financing/v1/applications/${id}/cancel`, {
      reason: "APPLICATION_CANCELLED_BY_CUSTOMER",
    });
    expect(cancelled.status).toBe(200);
    conforms("ApplicationResponse", cancelled.body);
    expect(cancelled.body).toMatchObject({ state: "CANCELLED", stateReason: "CANCELLED_NOT_PAID" });
    const again = await call("PUT", `/financing/v1/applications/${id}/cancel`, {});
    expect(again.status).toBe(422);
    expect(again.body.errors[0].code).toBe("APPLICATION_ALREADY_CANCELLED");
  });

  it("rejects through the control endpoint; operations on it are refused with the reason", async () => {
    orderSeq += 1;
    const created = await call(
      "POST",
      "/financing/v1/applications",
      buildApplicationRequest({ orderNumber: `R-${orderSeq}`, lines: LINES }),
    );
    const rejected = await call("POST", `/control/applications/${created.body.id}/reject`, {});
    expect(rejected.body).toMatchObject({ state: "REJECTED", stateReason: "REJECTED" });
    const refused = await call("PUT", `/financing/v1/applications/${created.body.id}/order/cancel`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].message).toContain("it is REJECTED (REJECTED)");
  });
});

describe("error paths", () => {
  it("validates requests per the spec: 400 INVALID_REQUEST naming the attribute", async () => {
    const id = await createReady();
    const cases: [unknown, string][] = [
      [{ items: [{ code: "MUG", quantity: 1.2345 }] }, "items[0].quantity"],
      [{ items: [{ code: "MUG", quantity: 0.5 }] }, "items[0].quantity"],
      [{ items: [], totalPrice: { amount: 12.5, currency: "CZK" } }, "totalPrice.amount"],
      [{ items: [], totalPrice: { amount: 100, currency: "EUR" } }, "totalPrice.currency"],
      [{ items: [{ code: "x".repeat(201) }] }, "items[0].code"],
      [{ items: [{ code: "MUG", type: "SHIPPING" }] }, "items[0].type"],
      [{ items: "all" }, "items"],
    ];
    for (const [body, attribute] of cases) {
      const reply = await call("PUT", `/financing/v1/applications/${id}/order/return`, body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.errors[0]).toMatchObject({ code: "INVALID_REQUEST", attribute });
      conforms("ErrorsResponse", reply.body);
    }
    const badCreate = buildApplicationRequest({ orderNumber: "BAD-1", lines: LINES }) as unknown as {
      order: { items: { name?: string }[] };
    };
    delete badCreate.order.items[1]?.name;
    const created = await call("POST", "/financing/v1/applications", badCreate);
    expect(created.status).toBe(400);
    expect(created.body.errors[0].attribute).toBe("order.items[1].name");
  });

  it("needs a JSON body on PUT: {} means everything, nothing is an error", async () => {
    const id = await createReady();
    const empty = await call("PUT", `/financing/v1/applications/${id}/order/cancel`, "");
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].message).toContain("send {} for an empty request");
    const broken = await call("PUT", `/financing/v1/applications/${id}/order/cancel`, "{items:");
    expect(broken.status).toBe(400);
    expect((await events(id)).slice(-2).map((e) => [e.operation, e.status, e.changed])).toEqual([
      ["order/cancel", 400, false],
      ["order/cancel", 400, false],
    ]);
  });

  it("answers unknown applications with 404 and the right code", async () => {
    const get = await call("GET", "/financing/v1/applications/0000000000");
    expect(get.status).toBe(404);
    expect(get.body.errors[0].code).toBe("APPLICATION_NOT_FOUND");
    const put = await call("PUT", "/financing/v1/applications/0000000000/order/return", {});
    expect(put.status).toBe(404);
    expect(put.body.errors[0].code).toBe("OBJECT_NOT_FOUND");
    const lookup = await call("GET", "/financing/v1/orders?orderNumber=NOPE");
    expect(lookup.status).toBe(404);
    conforms("ErrorsResponse", lookup.body);
  });

  it("answers 422 NOT_SUPPORTED with a reason for operations the state forbids", async () => {
    const id = await createReady();
    const notSent = await call("PUT", `/financing/v1/applications/${id}/order/return`, {
      items: [{ code: "MUG" }],
    });
    expect(notSent.status).toBe(422);
    expect(notSent.body.errors[0]).toMatchObject({ code: "NOT_SUPPORTED", attribute: "items[0]" });
    expect(notSent.body.errors[0].message).toContain("cancel unsent items");
    await call("PUT", `/financing/v1/applications/${id}/order/send`, {
      items: [{ code: "MUG", quantity: 2 }],
    });
    const tooMany = await call("PUT", `/financing/v1/applications/${id}/order/cancel`, {
      items: [{ code: "MUG", quantity: 2 }],
    });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors[0].message).toContain("only 1 of 3");
    const overRefund = await call("PUT", `/financing/v1/applications/${id}/order/return`, {
      items: [],
      totalPrice: { amount: 39_801, currency: "CZK" },
    });
    expect(overRefund.status).toBe(422);
    expect(overRefund.body.errors[0].message).toContain(
      "exceeds the amount that can still be refunded (39800)",
    );
    const history = await events(id);
    expect(history.filter((e) => e.changed).map((e) => e.operation)).toEqual([
      "create",
      "control/approve",
      "order/send",
    ]);
  });

  it("answers unknown paths with 404, wrong methods with 405 and lookups without criteria with 422", async () => {
    expect((await call("GET", "/financing/v2/nothing")).status).toBe(404);
    expect((await call("DELETE", "/financing/v1/applications/abc")).status).toBe(405);
    expect((await call("GET", "/financing/v1/orders")).status).toBe(422);
  });
});

describe("fault injection", () => {
  async function inject(kind: string, pathPrefix: string, count = 1, method = "PUT") {
    const reply = await call("POST", "/control/faults", { method, pathPrefix, kind, count });
    expect(reply.status).toBe(201);
  }

  async function total(id: string): Promise<number> {
    return (await call("GET", `/financing/v1/applications/${id}`)).body.order.totalPrice.amount;
  }

  it.each([
    ["500", 500],
    ["503", 503],
    ["429", 429],
  ])("%s fails the request before anything is applied", async (kind, status) => {
    const id = await createReady();
    await inject(kind, `/financing/v1/applications/${id}`);
    const failed = await call("PUT", `/financing/v1/applications/${id}/order/cancel`, {
      items: [{ code: "MUG", quantity: 1 }],
    });
    expect(failed.status).toBe(status);
    if (kind === "429") expect(failed.headers.get("retry-after")).toBe("2");
    expect(await total(id)).toBe(TOTAL);
    const retried = await call("PUT", `/financing/v1/applications/${id}/order/cancel`, {
      items: [{ code: "MUG", quantity: 1 }],
    });
    expect(retried.status).toBe(200);
    expect(await total(id)).toBe(TOTAL - 19_900);
  });

  it("401 rejects a valid token once, as if it had been revoked", async () => {
    const id = await createReady();
    await inject("401", `/financing/v1/applications/${id}`, 1, "GET");
    expect((await call("GET", `/financing/v1/applications/${id}`)).status).toBe(401);
    expect((await call("GET", `/financing/v1/applications/${id}`)).status).toBe(200);
  });

  it("reset drops the connection without applying the change", async () => {
    const id = await createReady();
    await inject("reset", `/financing/v1/applications/${id}`);
    await expect(call("PUT", `/financing/v1/applications/${id}/order/cancel`, {})).rejects.toThrow();
    expect(await total(id)).toBe(TOTAL);
  });

  it("timeout applies the change but keeps the answer back longer than a client waits", async () => {
    const id = await createReady();
    await inject("timeout", `/financing/v1/applications/${id}`);
    const started = Date.now();
    await expect(
      fetch(`${server.baseUrl}/financing/v1/applications/${id}/order/cancel`, {
        method: "PUT",
        headers: { authorization: `Bearer ${token}` },
        body: JSON.stringify({ items: [{ code: "MUG", quantity: 1 }] }),
        signal: AbortSignal.timeout(500),
      }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(await total(id)).toBe(TOTAL - 19_900);
  });

  it("malformed applies the change and answers 200 with a body that is not JSON", async () => {
    const id = await createReady();
    await inject("malformed", `/financing/v1/applications/${id}`);
    const reply = await call("PUT", `/financing/v1/applications/${id}/order/cancel`, {
      items: [{ code: "MUG", quantity: 1 }],
    });
    expect(reply.status).toBe(200);
    expect(typeof reply.body).toBe("string");
    expect(() => JSON.parse(reply.body)).toThrow();
    expect(await total(id)).toBe(TOTAL - 19_900);
  });

  it("applied-then-500 applies the change, then answers 500", async () => {
    const id = await createReady();
    await inject("applied-then-500", `/financing/v1/applications/${id}/order/return`);
    await call("PUT", `/financing/v1/applications/${id}/order/deliver`, {});
    const reply = await call("PUT", `/financing/v1/applications/${id}/order/return`, {
      items: [],
      totalPrice: { amount: 10_000, currency: "CZK" },
    });
    expect(reply.status).toBe(500);
    conforms("ErrorsResponse", reply.body);
    expect(await total(id)).toBe(TOTAL - 10_000);
    expect((await events(id)).map((e) => [e.operation, e.changed])).toContainEqual([
      "fault:applied-then-500",
      false,
    ]);
  });

  it("a fault with count 2 fails two matching requests, matching method and path prefix only", async () => {
    const id = await createReady();
    await inject("503", `/financing/v1/applications/${id}/order/send`, 2);
    expect((await call("GET", `/financing/v1/applications/${id}`)).status).toBe(200);
    expect(
      (await call("PUT", `/financing/v1/applications/${id}/order/cancel`, { items: [{ code: "BOOK" }] }))
        .status,
    ).toBe(200);
    expect((await call("PUT", `/financing/v1/applications/${id}/order/send`, {})).status).toBe(503);
    expect((await call("PUT", `/financing/v1/applications/${id}/order/send`, {})).status).toBe(503);
    expect((await call("PUT", `/financing/v1/applications/${id}/order/send`, {})).status).toBe(200);
  });

  it("refuses unknown fault kinds", async () => {
    const reply = await call("POST", "/control/faults", { pathPrefix: "/", kind: "gremlins" });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].attribute).toBe("kind");
  });
});
