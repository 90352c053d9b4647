// The embedded Skip Pay sandbox as an HTTP API: Fetch `Request` in, `Response` out, with the official paths,
// bodies, status codes and error envelopes. Framework-free — served by app/sandbox/[...path]/route.ts in the app
// and by a plain Node server in the contract tests.
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import {
  applicationCancelRequest,
  applicationOrderChangeRequest,
  applicationRequest,
  orderItemsChangeRequest,
  orderItemsDeliverRequest,
  orderItemsReturnRequest,
  orderItemsSendRequest,
  partnerLogin,
} from "@/lib/skippay/schemas";
import { invalidRequest, notFound, SandboxError, unprocessable } from "./errors";
import type { SandboxApplication } from "./model";
import { renderApplication, renderOrderExtended } from "./render";
import * as rules from "./rules";
import * as store from "./store";

export interface SandboxOptions {
  database: () => Promise<Db>;
  username: string;
  password: string;
  tokenTtlSeconds: number;
  /** How long a `timeout` fault keeps the request unanswered. */
  faultTimeoutMs: number;
  /** The sandbox's own public base URL (…/sandbox), for gateway redirect URLs. */
  publicBaseUrl: string;
  projectVersion: string;
  now?: () => Date;
  /** Called when an application is created or its state/substate changes (for Skip Pay-style notifications). */
  notify?: (url: string, body: { id: string; state: string; stateReason: string }) => void;
}

const JSON_TYPE = "application/json; charset=utf-8";
const FAULT_KINDS = [
  "500",
  "503",
  "429",
  "401",
  "timeout",
  "reset",
  "malformed",
  "applied-then-500",
] as const;

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": JSON_TYPE, ...headers } });
}

function ticketId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").replace("Z", "");
  return `SANDBOX:${stamp}:${randomBytes(2).toString("hex")}`;
}

function errorEnvelope(errors: { code: string; message: string; attribute?: string }[], now: Date) {
  const ticket = ticketId(now);
  return {
    errors: errors.map((e) => ({
      code: e.code,
      message: e.message,
      severity: "ERROR",
      ...(e.attribute ? { attribute: e.attribute } : {}),
      ticketId: ticket,
    })),
  };
}

function errorResponse(error: SandboxError, now: Date, headers: Record<string, string> = {}): Response {
  return json(
    errorEnvelope([{ code: error.code, message: error.message, attribute: error.attribute }], now),
    error.status,
    headers,
  );
}

/** zod issue path → the API's JSON path: ["order", "items", 0, "code"] → "order.items[0].code". */
function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    "",
  );
}

class ValidationFailure extends Error {
  constructor(readonly issues: { message: string; attribute: string }[]) {
    super("invalid request");
  }
}

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new ValidationFailure(
      result.error.issues.map((i) => ({ message: i.message, attribute: jsonPath(i.path) || "body" })),
    );
  }
  return result.data;
}

/** Today in Prague, as the API's dates are (YYYY-MM-DD). */
function pragueDate(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Prague" }).format(now);
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });

type Route =
  | { kind: "login" }
  | { kind: "health" }
  | { kind: "create" }
  | { kind: "get"; id: string }
  | { kind: "cancel-application"; id: string }
  | { kind: "order-op"; id: string; op: rules.OrderOperation }
  | { kind: "change-order"; id: string }
  | { kind: "find" }
  | { kind: "control-transition"; id: string; action: "approve" | "reject" | "payout" }
  | { kind: "control-events"; id: string }
  | { kind: "control-faults" };

const ROUTES: { pattern: RegExp; methods: string[]; route: (m: RegExpMatchArray) => Route }[] = [
  { pattern: /^\/authentication\/v1\/partner$/, methods: ["POST"], route: () => ({ kind: "login" }) },
  { pattern: /^\/v1\/health$/, methods: ["GET"], route: () => ({ kind: "health" }) },
  { pattern: /^\/financing\/v1\/applications$/, methods: ["POST"], route: () => ({ kind: "create" }) },
  { pattern: /^\/financing\/v1\/orders$/, methods: ["GET"], route: () => ({ kind: "find" }) },
  {
    pattern: /^\/financing\/v1\/applications\/([^/]+)$/,
    methods: ["GET"],
    route: (m) => ({ kind: "get", id: decodeURIComponent(m[1] as string) }),
  },
  {
    pattern: /^\/financing\/v1\/applications\/([^/]+)\/cancel$/,
    methods: ["PUT"],
    route: (m) => ({ kind: "cancel-application", id: decodeURIComponent(m[1] as string) }),
  },
  {
    pattern: /^\/financing\/v1\/applications\/([^/]+)\/order$/,
    methods: ["PUT"],
    route: (m) => ({ kind: "change-order", id: decodeURIComponent(m[1] as string) }),
  },
  {
    pattern: /^\/financing\/v1\/applications\/([^/]+)\/order\/(cancel|send|deliver|return)$/,
    methods: ["PUT"],
    route: (m) => ({
      kind: "order-op",
      id: decodeURIComponent(m[1] as string),
      op: m[2] as rules.OrderOperation,
    }),
  },
  {
    pattern: /^\/control\/applications\/([^/]+)\/(approve|reject|payout)$/,
    methods: ["POST"],
    route: (m) => ({
      kind: "control-transition",
      id: decodeURIComponent(m[1] as string),
      action: m[2] as "approve" | "reject" | "payout",
    }),
  },
  {
    pattern: /^\/control\/applications\/([^/]+)\/events$/,
    methods: ["GET"],
    route: (m) => ({ kind: "control-events", id: decodeURIComponent(m[1] as string) }),
  },
  {
    pattern: /^\/control\/faults$/,
    methods: ["GET", "POST", "DELETE"],
    route: () => ({ kind: "control-faults" }),
  },
];

function match(method: string, path: string): Route | SandboxError {
  for (const r of ROUTES) {
    const m = path.match(r.pattern);
    if (!m) continue;
    if (!r.methods.includes(method)) {
      return new SandboxError(
        405,
        "METHOD_NOT_ALLOWED",
        `${method} is not allowed here; use ${r.methods.join(", ")}`,
      );
    }
    return r.route(m);
  }
  return notFound("OBJECT_NOT_FOUND", `no resource at ${path}`);
}

const OPERATION_SCHEMAS = {
  cancel: orderItemsChangeRequest,
  send: orderItemsSendRequest,
  deliver: orderItemsDeliverRequest,
  return: orderItemsReturnRequest,
} as const;

export function createSandbox(options: SandboxOptions) {
  const now = options.now ?? (() => new Date());
  /** Refusals already written to the application's history by the store. */
  const recorded = new WeakSet<Error>();

  function notifyAbout(app: SandboxApplication): void {
    options.notify?.(app.merchantUrls.notificationEndpoint, {
      id: app.id,
      state: app.state,
      stateReason: app.stateReason,
    });
  }

  async function readJson(request: Request): Promise<unknown> {
    const text = await request.text();
    // A PUT or POST must carry a JSON body; "all items" is `{}`, not nothing (php-client: "at least empty json").
    if (text.trim() === "")
      throw invalidRequest("the request body is required; send {} for an empty request", "body");
    try {
      return JSON.parse(text);
    } catch {
      throw invalidRequest("the request body is not valid JSON", "body");
    }
  }

  // A token is never revoked, only expires: once seen valid it is remembered until then (one query saved per call).
  const knownTokens = new Map<string, number>();
  async function tokenIsValid(db: Db, token: string): Promise<boolean> {
    const at = now().getTime();
    const known = knownTokens.get(token);
    if (known !== undefined) {
      if (known > at) return true;
      knownTokens.delete(token);
    }
    const expiry = await store.tokenExpiry(db, token, now());
    if (!expiry) return false;
    if (knownTokens.size >= 1_000) knownTokens.clear();
    knownTokens.set(token, expiry.getTime());
    return true;
  }

  async function authorized(db: Db, request: Request): Promise<Response | null> {
    const header = request.headers.get("authorization") ?? "";
    const token = header.match(/^Bearer\s+(\S+)$/i)?.[1];
    const headers = { "www-authenticate": 'Bearer realm="skippay-sandbox"' };
    if (!token) {
      return json(
        { error: "invalid_request", error_description: "The access token is missing" },
        401,
        headers,
      );
    }
    if (!(await tokenIsValid(db, token))) {
      return json(
        { error: "invalid_token", error_description: "The access token is invalid or has expired" },
        401,
        {
          ...headers,
          "www-authenticate": 'Bearer realm="skippay-sandbox", error="invalid_token"',
        },
      );
    }
    return null;
  }

  async function transition(
    db: Db,
    id: string,
    request: Request,
    path: string,
    operation: string,
    body: unknown,
    apply: (app: SandboxApplication) => rules.Change,
  ): Promise<rules.Change> {
    const result = await store.mutateApplication(
      db,
      id,
      { method: request.method, path, operation, request: body },
      apply,
    );
    if (result.ok) {
      const { app } = result.change;
      if (result.before.state !== app.state || result.before.stateReason !== app.stateReason)
        notifyAbout(app);
      return result.change;
    }
    if (result.error) recorded.add(result.error);
    throw result.error ?? notFound("OBJECT_NOT_FOUND", `application ${id} does not exist`);
  }

  async function route(db: Db, request: Request, path: string, r: Route): Promise<Response> {
    switch (r.kind) {
      case "login": {
        const credentials = parse(partnerLogin, await readJson(request));
        if (credentials.username !== options.username || credentials.password !== options.password) {
          throw invalidRequest("Unable to authenticate partner: wrong username or password");
        }
        const accessToken = await store.issueToken(db, options.tokenTtlSeconds, now());
        return json({ accessToken, expiresIn: options.tokenTtlSeconds });
      }
      case "health":
        return json({ projectVersion: options.projectVersion });
      case "create": {
        const raw = await readJson(request);
        const body = parse(applicationRequest, raw);
        const app = rules.createApplication(
          store.newApplicationId(),
          body,
          `${options.publicBaseUrl}/gateway`,
        );
        const result = await store.insertApplication(db, app, {
          method: "POST",
          path,
          status: 201,
          request: raw,
        });
        if (result.created) notifyAbout(result.app);
        return json(renderApplication(result.app), result.created ? 201 : 200);
      }
      case "get": {
        const app = await store.loadApplication(db, r.id);
        if (!app) throw notFound("APPLICATION_NOT_FOUND", `application ${r.id} does not exist`);
        return json(renderApplication(app));
      }
      case "find": {
        const params = new URL(request.url).searchParams;
        const criteria = {
          orderNumber: params.get("orderNumber") || undefined,
          variableSymbol: params.get("orderVariableSymbol") || undefined,
          applicationId: params.get("applicationId") || undefined,
        };
        if (!criteria.orderNumber && !criteria.variableSymbol && !criteria.applicationId) {
          throw unprocessable("give at least one of orderNumber, orderVariableSymbol or applicationId");
        }
        const app = await store.findApplication(db, criteria);
        if (!app) throw notFound("OBJECT_NOT_FOUND", "no order matches the given parameters");
        return json(renderOrderExtended(app));
      }
      case "cancel-application": {
        const raw = await readJson(request);
        const body = parse(applicationCancelRequest, raw);
        const change = await transition(db, r.id, request, path, "cancel-application", raw, (app) =>
          rules.cancelApplication(app, body),
        );
        return json(renderApplication(change.app));
      }
      case "order-op": {
        const raw = await readJson(request);
        const today = pragueDate(now());
        let apply: (app: SandboxApplication) => rules.Change;
        if (r.op === "cancel") {
          const body = parse(OPERATION_SCHEMAS.cancel, raw);
          apply = (app) => rules.cancelItems(app, body);
        } else if (r.op === "send") {
          const body = parse(OPERATION_SCHEMAS.send, raw);
          apply = (app) => rules.sendItems(app, body, today);
        } else if (r.op === "deliver") {
          const body = parse(OPERATION_SCHEMAS.deliver, raw);
          apply = (app) => rules.deliverItems(app, body, today);
        } else {
          const body = parse(OPERATION_SCHEMAS.return, raw);
          apply = (app) => rules.returnItems(app, body);
        }
        const change = await transition(db, r.id, request, path, `order/${r.op}`, raw, apply);
        return json(renderOrderExtended(change.app));
      }
      case "change-order": {
        const raw = await readJson(request);
        const body = parse(applicationOrderChangeRequest, raw);
        const change = await transition(db, r.id, request, path, "order/change", raw, (app) =>
          rules.changeOrder(app, body),
        );
        return json(renderOrderExtended(change.app));
      }
      case "control-transition": {
        const fn = { approve: rules.approve, reject: rules.reject, payout: rules.payout }[r.action];
        const change = await transition(db, r.id, request, path, `control/${r.action}`, null, fn);
        return json(renderApplication(change.app));
      }
      case "control-events": {
        if (!(await store.loadApplication(db, r.id)))
          throw notFound("OBJECT_NOT_FOUND", `application ${r.id} does not exist`);
        return json({ events: await store.listEvents(db, r.id) });
      }
      case "control-faults": {
        if (request.method === "GET") return json({ faults: await store.listFaults(db) });
        if (request.method === "DELETE") {
          await store.clearFaults(db);
          return new Response(null, { status: 204 });
        }
        const body = (await readJson(request)) as Record<string, unknown>;
        const kind = String(body.kind ?? "");
        if (!(FAULT_KINDS as readonly string[]).includes(kind)) {
          throw invalidRequest(`kind must be one of ${FAULT_KINDS.join(", ")}`, "kind");
        }
        if (typeof body.pathPrefix !== "string" || !body.pathPrefix.startsWith("/")) {
          throw invalidRequest(
            'pathPrefix must be a path starting with "/", e.g. /financing/v1/applications',
            "pathPrefix",
          );
        }
        const count = body.count === undefined ? 1 : Number(body.count);
        if (!Number.isInteger(count) || count < 1 || count > 1000)
          throw invalidRequest("count must be 1–1000", "count");
        const method = body.method == null ? null : String(body.method).toUpperCase();
        if (method && !["GET", "POST", "PUT", "PATCH", "DELETE"].includes(method)) {
          throw invalidRequest("method must be an HTTP method", "method");
        }
        const fault = await store.addFault(db, {
          method,
          pathPrefix: body.pathPrefix,
          kind: kind as store.FaultKind,
          count,
        });
        return json({ fault }, 201);
      }
    }
  }

  /** A request that dies before any answer: the body stream errors, so the connection is dropped. */
  function connectionReset(): Response {
    return new Response(
      new ReadableStream({
        start(controller) {
          controller.error(new Error("sandbox fault: connection reset"));
        },
      }),
      { status: 200, headers: { "content-type": JSON_TYPE } },
    );
  }

  async function handle(request: Request, path: string): Promise<Response> {
    const at = now();
    const matched = match(request.method, path);
    if (matched instanceof SandboxError) return errorResponse(matched, at);
    const applicationId = "id" in matched ? matched.id : null;
    let db: Db;
    try {
      db = await options.database();
      if (matched.kind !== "health" && matched.kind !== "login") {
        const denied = await authorized(db, request);
        if (denied) return denied;
      }
    } catch (error) {
      return failureResponse(error, at);
    }

    const fault = matched.kind.startsWith("control") ? null : await store.takeFault(db, request.method, path);
    const recordFault = (status: number) =>
      store.recordEvent(db, {
        applicationId,
        method: request.method,
        path,
        status,
        operation: `fault:${fault}`,
        // The change itself (if the request was processed) is recorded as its own event.
        changed: false,
        fault,
      });

    // Faults that fail the request before anything is processed.
    if (fault === "500" || fault === "503") {
      await recordFault(Number(fault));
      const code = fault === "500" ? "INTERNAL_SERVER_ERROR" : "SERVICE_UNAVAILABLE";
      return json(errorEnvelope([{ code, message: `sandbox fault: ${fault}` }], at), Number(fault));
    }
    if (fault === "429") {
      await recordFault(429);
      return json(
        errorEnvelope([{ code: "TOO_MANY_REQUESTS", message: "sandbox fault: rate limited" }], at),
        429,
        {
          "retry-after": "2",
        },
      );
    }
    if (fault === "401") {
      await recordFault(401);
      return json(
        { error: "invalid_token", error_description: "The access token is invalid or has expired" },
        401,
      );
    }
    if (fault === "reset") {
      await recordFault(0);
      return connectionReset();
    }

    let response: Response;
    try {
      response = await route(db, request, path, matched);
    } catch (error) {
      response = failureResponse(error, at);
      // Malformed requests against an application belong in its history too.
      if (applicationId && request.method !== "GET" && error instanceof Error && !recorded.has(error)) {
        if (await store.loadApplication(db, applicationId)) {
          await store.recordEvent(db, {
            applicationId,
            method: request.method,
            path,
            status: response.status,
            operation:
              matched.kind === "order-op"
                ? `order/${matched.op}`
                : matched.kind === "change-order"
                  ? "order/change"
                  : matched.kind,
            changed: false,
            outcome: await response.clone().json(),
          });
        }
      }
    }

    // Faults that strike after the request was processed (whatever it changed stays changed).
    if (fault === "applied-then-500") {
      await recordFault(500);
      return json(
        errorEnvelope([{ code: "INTERNAL_SERVER_ERROR", message: "sandbox fault: applied-then-500" }], at),
        500,
      );
    }
    if (fault === "malformed") {
      await recordFault(response.status);
      const text = await response.text();
      return new Response(text.slice(0, Math.max(1, Math.floor(text.length / 2))), {
        status: response.status,
        headers: { "content-type": JSON_TYPE },
      });
    }
    if (fault === "timeout") {
      await recordFault(0);
      await sleep(options.faultTimeoutMs, request.signal);
    }
    return response;
  }

  function failureResponse(error: unknown, at: Date): Response {
    if (error instanceof ValidationFailure) {
      return json(
        errorEnvelope(
          error.issues.map((i) => ({
            code: "INVALID_REQUEST",
            message: `${i.attribute}: ${i.message}`,
            attribute: i.attribute,
          })),
          at,
        ),
        400,
      );
    }
    if (error instanceof SandboxError) return errorResponse(error, at);
    console.error("[sandbox] unexpected error", error);
    return json(
      errorEnvelope([{ code: "INTERNAL_SERVER_ERROR", message: "unexpected sandbox error" }], at),
      500,
    );
  }

  return { handle };
}

export type Sandbox = ReturnType<typeof createSandbox>;
