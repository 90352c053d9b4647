// The only code that speaks HTTP to Skip Pay (the real API or the embedded sandbox — same contract). Server-only:
// credentials and tokens never leave the server process.
//
// Every call returns a typed result and never throws for an HTTP outcome. The bearer token is cached and
// renewed before it expires; a 401 triggers one fresh login and one retry (safe even for a PUT: a 401 proves the
// request was not processed). Nothing else is ever retried automatically: Skip Pay has no idempotency key.
import "server-only";
import type { z } from "zod";
import { config } from "@/lib/config";
import pkg from "@/package.json";
import type { Applied, SkipPayError, SkipPayResult } from "./errors";
import { applicationPath, operationPath } from "./paths";
import {
  type ApiError,
  type ApplicationCancelRequest,
  type ApplicationOrderChangeRequest,
  type ApplicationRequest,
  type ApplicationResponse,
  applicationResponse,
  errorsResponse,
  healthResponse,
  type OrderExtendedResponse,
  type OrderItemsChangeRequest,
  type OrderItemsDeliverRequest,
  type OrderItemsReturnRequest,
  type OrderItemsSendRequest,
  orderExtendedResponse,
  partnerLoginResult,
} from "./schemas";

export interface SkipPayClientOptions {
  baseUrl: string;
  username: string;
  password: string;
  /** How long to wait for an answer before giving up (the request may still be processed). */
  timeoutMs: number;
  userAgent?: string;
  /** Clock in ms, for token expiry (tests). */
  now?: () => number;
  /** Called after every HTTP exchange (method, path, status or error kind, duration) — for logs and metrics. */
  onExchange?: (exchange: Exchange) => void;
}

export interface Exchange {
  method: string;
  path: string;
  outcome: number | "timeout" | "network";
  ms: number;
}

const JSON_TYPE = "application/json; charset=utf-8";
/** Connection-phase failures: the request never left this machine, so nothing can have been applied. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
]);

type RawOutcome =
  | { kind: "response"; status: number; headers: Headers; text: string }
  | { kind: "timeout" }
  | { kind: "network"; sent: boolean; message: string };

interface CallSpec<S extends z.ZodType> {
  method: "GET" | "POST" | "PUT";
  path: string;
  body?: unknown;
  schema: S;
  /** Whether the call changes anything at Skip Pay (then an unclear failure means "may have been applied"). */
  mutating: boolean;
  /** Sent without a bearer token (the health check needs none, so it works even when logging in does not). */
  anonymous?: boolean;
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function issuesOf(text: string): ApiError[] {
  try {
    const parsed = errorsResponse.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.errors : [];
  } catch {
    return [];
  }
}

export function createSkipPayClient(options: SkipPayClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const now = options.now ?? Date.now;
  const userAgent = options.userAgent ?? `skippay-merchant-admin/${pkg.version}`;
  let token: { value: string; expiresAt: number; renewAt: number } | null = null;
  let loggingIn: Promise<SkipPayResult<string>> | null = null;

  async function exchange(
    method: string,
    path: string,
    body: unknown,
    auth: string | null,
  ): Promise<RawOutcome> {
    const started = performance.now();
    const report = (outcome: Exchange["outcome"]) =>
      options.onExchange?.({ method, path, outcome, ms: Math.round(performance.now() - started) });
    try {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          accept: JSON_TYPE,
          "user-agent": userAgent,
          ...(method === "GET" ? {} : { "content-type": JSON_TYPE }),
          ...(auth ? { authorization: `Bearer ${auth}` } : {}),
        },
        // PUT/POST always carry a body: "all remaining items" is `{}`, never nothing.
        body: method === "GET" ? undefined : JSON.stringify(body ?? {}),
        signal: AbortSignal.timeout(options.timeoutMs),
        cache: "no-store",
      });
      const text = await response.text();
      report(response.status);
      return { kind: "response", status: response.status, headers: response.headers, text };
    } catch (error) {
      if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
        report("timeout");
        return { kind: "timeout" };
      }
      report("network");
      const code = errorCode(error);
      return {
        kind: "network",
        sent: !(code && NOT_SENT_CODES.has(code)),
        message: `${error instanceof Error ? error.message : String(error)}${code ? ` (${code})` : ""}`,
      };
    }
  }

  function failure(outcome: Exclude<RawOutcome, { kind: "response" }>, applied: Applied): SkipPayError {
    if (outcome.kind === "timeout") {
      return { kind: "timeout", applied, message: `no answer from Skip Pay within ${options.timeoutMs} ms` };
    }
    return { kind: "network", applied: outcome.sent ? applied : "no", message: outcome.message };
  }

  async function doLogin(): Promise<SkipPayResult<string>> {
    const path = "/authentication/v1/partner";
    const outcome = await exchange(
      "POST",
      path,
      { username: options.username, password: options.password },
      null,
    );
    if (outcome.kind !== "response") return { ok: false, error: failure(outcome, "no") };
    if (outcome.status === 200) {
      let parsed: ReturnType<typeof partnerLoginResult.safeParse>;
      try {
        parsed = partnerLoginResult.safeParse(JSON.parse(outcome.text));
      } catch {
        return {
          ok: false,
          error: { kind: "bad_response", status: 200, applied: "no", message: "login answer is not JSON" },
        };
      }
      if (!parsed.success) {
        return {
          ok: false,
          error: {
            kind: "bad_response",
            status: 200,
            applied: "no",
            message: "login answer has no accessToken",
          },
        };
      }
      const lifetimeMs = (parsed.data.expiresIn ?? 7200) * 1000;
      const issued = now();
      // Renew ahead of expiry: 5 minutes early, or at 80 % of a short lifetime.
      token = {
        value: parsed.data.accessToken,
        expiresAt: issued + lifetimeMs,
        renewAt: issued + lifetimeMs - Math.min(300_000, lifetimeMs * 0.2),
      };
      return { ok: true, value: token.value, status: 200 };
    }
    const error = classify(outcome, false);
    if (outcome.status === 400) {
      return {
        ok: false,
        error: {
          kind: "unauthorized",
          status: 400,
          applied: "no",
          message: "Skip Pay refused the partner credentials",
        },
      };
    }
    return { ok: false, error };
  }

  /** A valid token, logging in when there is none or it is about to expire (one login at a time). */
  async function bearer(forceNew = false): Promise<SkipPayResult<string>> {
    if (!forceNew && token && now() < token.renewAt) return { ok: true, value: token.value, status: 200 };
    if (forceNew) token = null;
    loggingIn ??= doLogin().finally(() => {
      loggingIn = null;
    });
    return loggingIn;
  }

  function classify(outcome: Extract<RawOutcome, { kind: "response" }>, mutating: boolean): SkipPayError {
    const { status, text } = outcome;
    const issues = issuesOf(text);
    const first = issues[0];
    const message = first?.message ?? `HTTP ${status}`;
    const attribute = first?.attribute ?? undefined;
    if (status === 401 || status === 403) {
      return {
        kind: "unauthorized",
        status,
        applied: "no",
        message: "Skip Pay did not accept our access token",
      };
    }
    if (status === 404) return { kind: "not_found", status, applied: "no", message, issues };
    if (status === 422) return { kind: "not_supported", status, applied: "no", message, attribute, issues };
    if (status === 429) {
      const retryAfter = Number(outcome.headers.get("retry-after"));
      return {
        kind: "rate_limited",
        status,
        applied: "no",
        message,
        ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
      };
    }
    if (status >= 500)
      return { kind: "unavailable", status, applied: mutating ? "unknown" : "no", message, issues };
    if (status >= 400)
      return { kind: "invalid_request", status: 400, applied: "no", message, attribute, issues };
    return {
      kind: "bad_response",
      status,
      applied: mutating ? "unknown" : "no",
      message: `unexpected HTTP ${status}`,
    };
  }

  async function call<S extends z.ZodType>(spec: CallSpec<S>): Promise<SkipPayResult<z.output<S>>> {
    // An id of "." or ".." (encodeURIComponent keeps dots) would make the URL point at another resource.
    const [pathname = ""] = spec.path.split("?");
    if (pathname.split("/").some((s) => s === "." || s === ".."))
      return {
        ok: false,
        error: {
          kind: "not_found",
          status: 404,
          applied: "no",
          message: "not an id Skip Pay could have issued",
          issues: [],
        },
      };
    const applied: Applied = spec.mutating ? "unknown" : "no";
    if (spec.anonymous) return settle(spec, await exchange(spec.method, spec.path, spec.body, null), applied);
    let auth = await bearer();
    if (!auth.ok) return auth; // the call itself was never sent: applied "no"
    let outcome = await exchange(spec.method, spec.path, spec.body, auth.value);
    if (outcome.kind === "response" && outcome.status === 401) {
      // The token was revoked or expired early. A 401 means nothing was processed: log in again, retry once.
      auth = await bearer(true);
      if (!auth.ok) return auth;
      outcome = await exchange(spec.method, spec.path, spec.body, auth.value);
    }
    return settle(spec, outcome, applied);
  }

  /** An exchange's outcome as the call's result: the failure it was, or the answer parsed by the call's schema. */
  function settle<S extends z.ZodType>(
    spec: CallSpec<S>,
    outcome: RawOutcome,
    applied: Applied,
  ): SkipPayResult<z.output<S>> {
    if (outcome.kind !== "response") return { ok: false, error: failure(outcome, applied) };
    if (outcome.status < 200 || outcome.status >= 300)
      return { ok: false, error: classify(outcome, spec.mutating) };

    let json: unknown;
    try {
      json = JSON.parse(outcome.text);
    } catch {
      return {
        ok: false,
        error: {
          kind: "bad_response",
          status: outcome.status,
          applied,
          message: "Skip Pay's answer is not valid JSON",
        },
      };
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      const where = parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join(".") || "body"}: ${i.message}`)
        .join("; ");
      return {
        ok: false,
        error: {
          kind: "bad_response",
          status: outcome.status,
          applied,
          message: `unexpected answer shape (${where})`,
        },
      };
    }
    return { ok: true, value: parsed.data, status: outcome.status };
  }

  return {
    /** Logs in now (otherwise done lazily); useful to check the credentials. */
    login: () => bearer(true),
    health: () =>
      call({ method: "GET", path: "/v1/health", schema: healthResponse, mutating: false, anonymous: true }),
    getApplication: (id: string): Promise<SkipPayResult<ApplicationResponse>> =>
      call({ method: "GET", path: applicationPath(id), schema: applicationResponse, mutating: false }),
    findOrder(criteria: { orderNumber?: string; variableSymbol?: string; applicationId?: string }) {
      const query = new URLSearchParams();
      if (criteria.orderNumber) query.set("orderNumber", criteria.orderNumber);
      if (criteria.variableSymbol) query.set("orderVariableSymbol", criteria.variableSymbol);
      if (criteria.applicationId) query.set("applicationId", criteria.applicationId);
      return call({
        method: "GET",
        path: `/financing/v1/orders?${query}`,
        schema: orderExtendedResponse,
        mutating: false,
      });
    },
    createApplication: (body: ApplicationRequest): Promise<SkipPayResult<ApplicationResponse>> =>
      call({
        method: "POST",
        path: "/financing/v1/applications",
        body,
        schema: applicationResponse,
        mutating: true,
      }),
    cancelApplication: (
      id: string,
      body: ApplicationCancelRequest = {},
    ): Promise<SkipPayResult<ApplicationResponse>> =>
      call({
        method: "PUT",
        path: operationPath(id, "cancel"),
        body,
        schema: applicationResponse,
        mutating: true,
      }),
    cancelOrderItems: (
      id: string,
      body: OrderItemsChangeRequest,
    ): Promise<SkipPayResult<OrderExtendedResponse>> =>
      call({
        method: "PUT",
        path: operationPath(id, "order/cancel"),
        body,
        schema: orderExtendedResponse,
        mutating: true,
      }),
    sendOrderItems: (
      id: string,
      body: OrderItemsSendRequest,
    ): Promise<SkipPayResult<OrderExtendedResponse>> =>
      call({
        method: "PUT",
        path: operationPath(id, "order/send"),
        body,
        schema: orderExtendedResponse,
        mutating: true,
      }),
    deliverOrderItems: (
      id: string,
      body: OrderItemsDeliverRequest,
    ): Promise<SkipPayResult<OrderExtendedResponse>> =>
      call({
        method: "PUT",
        path: operationPath(id, "order/deliver"),
        body,
        schema: orderExtendedResponse,
        mutating: true,
      }),
    returnOrderItems: (
      id: string,
      body: OrderItemsReturnRequest,
    ): Promise<SkipPayResult<OrderExtendedResponse>> =>
      call({
        method: "PUT",
        path: operationPath(id, "order/return"),
        body,
        schema: orderExtendedResponse,
        mutating: true,
      }),
    /**
     * PUT …/order — change the order before anything is sent: a partial PUT (only what changed; `items` is the
     * complete new list of lines, with the new `totalPrice` and `totalVat`). 422 once anything is sent.
     */
    changeOrder: (
      id: string,
      body: ApplicationOrderChangeRequest,
    ): Promise<SkipPayResult<OrderExtendedResponse>> =>
      call({
        method: "PUT",
        path: operationPath(id, "order"),
        body,
        schema: orderExtendedResponse,
        mutating: true,
      }),
    /** The embedded sandbox's control endpoints (404 anywhere else). */
    sandbox: {
      approve: (id: string) =>
        call({
          method: "POST",
          path: `/control/applications/${encodeURIComponent(id)}/approve`,
          body: {},
          schema: applicationResponse,
          mutating: true,
        }),
      reject: (id: string) =>
        call({
          method: "POST",
          path: `/control/applications/${encodeURIComponent(id)}/reject`,
          body: {},
          schema: applicationResponse,
          mutating: true,
        }),
    },
  };
}

export type SkipPayClient = ReturnType<typeof createSkipPayClient>;

const globalForClient = globalThis as unknown as { __skippay?: SkipPayClient };

/** The app's client, configured from the environment (one token cache per server process). */
export function skippay(): SkipPayClient {
  if (!globalForClient.__skippay) {
    const { skippay: cfg } = config();
    globalForClient.__skippay = createSkipPayClient({
      baseUrl: cfg.baseUrl,
      username: cfg.username,
      password: cfg.password,
      timeoutMs: cfg.timeoutMs,
      onExchange: (e) => {
        if (typeof e.outcome !== "number" || e.outcome >= 400) {
          console.warn(`[skippay] ${e.method} ${e.path.split("?")[0]} → ${e.outcome} in ${e.ms} ms`);
        }
      },
    });
  }
  return globalForClient.__skippay;
}
