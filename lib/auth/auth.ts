// Staff sign-in with better-auth: e-mail + password (scrypt hashes), httpOnly session cookies that expire, login
// rate limiting stored in the database (so it holds across instances). No public sign-up: accounts are created
// by an admin (or, in the sandbox, as demo users). Server-only.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { availableParallelism } from "node:os";
import { BASE_ERROR_CODES, betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { hashPassword, verifyPassword } from "better-auth/crypto";
import { nextCookies } from "better-auth/next-js";
import { eq } from "drizzle-orm";
import { type AppConfig, config } from "@/lib/config";
import { type Db, getDb } from "@/lib/db/client";
import { accounts, rateLimits, sessions, users, verifications } from "@/lib/db/schema";
import { peerForwarded, trustedProxyList, withClientAddress } from "./client-address";
import { defaultLimits, HashGate, type SignInLane, type Ticket } from "./hash-gate";
import {
  attemptKey,
  cookieValue,
  DEVICE_MAX_AGE_SECONDS,
  deviceCookieName,
  hasDeviceEntries,
  knownDevice,
  renewedDevice,
  settleSignIn,
  takeSignInAttempt,
} from "./throttle";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Both spellings of a loopback origin, so signing in works from http://localhost and http://127.0.0.1 alike. */
function trustedOrigins(appUrl: string): string[] {
  const url = new URL(appUrl);
  if (!LOOPBACK.has(url.hostname)) return [url.origin];
  return ["localhost", "127.0.0.1"].map(
    (host) => `${url.protocol}//${host}${url.port ? `:${url.port}` : ""}`,
  );
}

/** Secure cookies everywhere but on a plain-http, non-loopback host (a LAN test box), where browsers drop them. */
export function secureCookies(appUrl: string): boolean {
  const url = new URL(appUrl);
  return url.protocol === "https:" || LOOPBACK.has(url.hostname);
}

/** The sign-in attempt a request is, while it is handled: its place at the hash gate. */
const signIns = new AsyncLocalStorage<Ticket>();
const SIGN_IN = "/api/auth/sign-in/email";

/** The answer to a sign-in refused for want of a place: nothing was checked, try again in a moment. */
export interface Refusal {
  status: 503;
  headers: Record<string, string>;
  body: string;
}
const refusal = (gate: HashGate): Refusal => ({
  status: 503,
  headers: { "content-type": "application/json", "retry-after": String(gate.retryAfterSeconds()) },
  body: JSON.stringify({
    code: "SIGN_IN_BUSY",
    message: "Too many sign-ins are being checked; try again shortly",
  }),
});
/** Where lib/cli/server.mjs finds the process's early refusal (see `refuseEarly`). */
const EARLY_REFUSAL = Symbol.for("skippay-admin.sign-in-refusal");

export function createAuth(
  db: Db,
  cfg: Pick<AppConfig, "appUrl" | "sessionSecret" | "staff">,
  gate = new HashGate(defaultLimits(availableParallelism())),
) {
  const secure = secureCookies(cfg.appUrl);
  // Sign-in throttling by device cookie (./throttle.ts).
  const deviceCookie = deviceCookieName(secure);
  const deviceIn = (headers: Headers | undefined) => cookieValue(headers?.get("cookie"), deviceCookie);
  /** The window an attempt counts in: this browser's own if it is known for the account, else the account's. */
  const windowOf = (headers: Headers | undefined, email: unknown) =>
    attemptKey(email, knownDevice(deviceIn(headers), email, cfg.sessionSecret));
  const perAddress = { window: 60, max: cfg.staff.loginAttemptsPerMinute };
  const proxies = trustedProxyList(cfg.staff.trustedProxies);

  /** `known` when the browser holds a genuine device cookie for the account it signs in to. */
  async function laneOf(request: Request): Promise<SignInLane> {
    const device = deviceIn(request.headers);
    if (!request.headers.get("content-type")?.includes("application/json") || !hasDeviceEntries(device))
      return "anonymous";
    const body = (await request
      .clone()
      .json()
      .catch(() => null)) as { email?: unknown } | null;
    return knownDevice(device, body?.email, cfg.sessionSecret) ? "known" : "anonymous";
  }

  /** Every password hash waits its turn at the gate: a sign-in's with its place, the server's own as `internal`. */
  function hashing<T>(work: () => Promise<T>): Promise<T> {
    const ticket = signIns.getStore();
    return ticket ? ticket.run(work) : gate.run("internal", work);
  }

  const auth = betterAuth({
    appName: "Skip Pay Orders",
    baseURL: cfg.appUrl,
    basePath: "/api/auth",
    secret: cfg.sessionSecret,
    trustedOrigins: trustedOrigins(cfg.appUrl),
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        rateLimit: rateLimits,
      },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      autoSignIn: false,
      minPasswordLength: 10,
      // better-auth's own scrypt, through the gate — also the dummy hash it makes for an unknown e-mail.
      password: {
        hash: (password) => hashing(() => hashPassword(password)),
        verify: (data) => hashing(() => verifyPassword(data)),
      },
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "viewer", input: false },
        locale: { type: "string", required: false, input: false },
        disabled: { type: "boolean", required: false, defaultValue: false, input: false },
      },
    },
    session: {
      expiresIn: cfg.staff.sessionMaxAgeSeconds,
      updateAge: Math.min(3600, cfg.staff.sessionMaxAgeSeconds),
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 300,
      customRules: {
        // A browser known for the account it signs in to is held by its own window instead (see hooks): anyone at
        // the office's address (behind its NAT, say) can fill that address's limit, which would lock the office out.
        // An attempt with no address to count (served without lib/cli/server.mjs, say) is held by the other limits
        // alone: better-auth would pool every such client into one bucket that one of them can fill.
        "/sign-in/email": (request) =>
          signIns.getStore()?.lane === "known" || !request.headers.has("x-forwarded-for")
            ? false
            : perAddress,
      },
    },
    advanced: {
      cookiePrefix: "skippay-admin",
      useSecureCookies: secure,
      // The handler below leaves X-Forwarded-For holding the client's address alone (./client-address.ts).
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
      // A session and its user in one query (the relations in lib/db/schema.ts) instead of two.
      database: { joins: true },
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled account cannot start a session. It is refused exactly like a wrong password: another answer
          // would tell whoever guesses that the password was right.
          before: async (session) => {
            const [user] = await db
              .select({ disabled: users.disabled })
              .from(users)
              .where(eq(users.id, session.userId));
            if (!user || user.disabled)
              throw APIError.from("UNAUTHORIZED", BASE_ERROR_CODES.INVALID_EMAIL_OR_PASSWORD);
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const attempt = await takeSignInAttempt(db, windowOf(ctx.headers, ctx.body?.email));
        if (!attempt.ok) {
          throw new APIError(
            "TOO_MANY_REQUESTS",
            { message: "Too many sign-in attempts for this account" },
            { "X-Retry-After": String(attempt.retryAfterSeconds) },
          );
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path === "/sign-in/email" && ctx.context.newSession) {
          await settleSignIn(db, windowOf(ctx.headers, ctx.body?.email));
          // This browser is now known for this account: its attempts count apart from everyone else's. The cookie
          // is sent back only with sign-in attempts.
          ctx.setCookie(
            deviceCookie,
            renewedDevice(deviceIn(ctx.headers), ctx.body?.email, cfg.sessionSecret),
            {
              maxAge: DEVICE_MAX_AGE_SECONDS,
              path: "/api/auth/sign-in",
              httpOnly: true,
              secure,
              sameSite: "lax",
            },
          );
        }
      }),
    },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });

  const handle = auth.handler;
  /**
   * Every request with the client's address resolved; a sign-in only once it has a place at the hash gate — when
   * its lane is full it is refused at once, before any other work, and told when to try again.
   */
  auth.handler = async (incoming: Request) => {
    const request = withClientAddress(incoming, proxies);
    if (request.method !== "POST" || new URL(request.url).pathname.replace(/\/+$/, "") !== SIGN_IN)
      return handle(request);
    const ticket = gate.admit(await laneOf(request));
    if (!ticket) {
      const refused = refusal(gate);
      return new Response(refused.body, refused);
    }
    try {
      return await signIns.run(ticket, () => handle(request));
    } finally {
      ticket.release();
    }
  };

  /**
   * The same refusal before Next.js routes the request, for lib/cli/server.mjs: a sign-in from a browser without a
   * device cookie, while the anonymous lane is full (null: let it through — a device cookie is checked here, with
   * the e-mail it is for). Refused there, a flood costs a fraction of what routed requests do.
   */
  const refuseEarly = (cookieHeader: string | undefined): Refusal | null =>
    gate.full("anonymous") && !hasDeviceEntries(cookieValue(cookieHeader, deviceCookie))
      ? refusal(gate)
      : null;
  return Object.assign(auth, { refuseEarly });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { __auth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  globalForAuth.__auth ??= getDb().then((db) => {
    if (process.env.NODE_ENV === "production" && !peerForwarded())
      console.warn(
        "[auth] not started by lib/cli/server.mjs (npm start): X-Forwarded-For may hold any address a client claims, so the per-address sign-in limit can be dodged",
      );
    const auth = createAuth(db, config());
    (globalThis as Record<symbol, unknown>)[EARLY_REFUSAL] = auth.refuseEarly;
    return auth;
  });
  return globalForAuth.__auth;
}
