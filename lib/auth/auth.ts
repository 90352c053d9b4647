// Staff sign-in with better-auth: e-mail + password (scrypt hashes), httpOnly session cookies that expire, login
// rate limiting stored in the database (so it holds across instances). No public sign-up: accounts are created
// by an admin (or, in the sandbox, as demo users). Server-only.
import "server-only";
import { BASE_ERROR_CODES, betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { eq } from "drizzle-orm";
import { type AppConfig, config } from "@/lib/config";
import { type Db, getDb } from "@/lib/db/client";
import { accounts, rateLimits, sessions, users, verifications } from "@/lib/db/schema";
import { peerForwarded, trustedProxyList, withClientAddress } from "./client-address";
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

export function createAuth(db: Db, cfg: Pick<AppConfig, "appUrl" | "sessionSecret" | "staff">) {
  const secure = secureCookies(cfg.appUrl);
  // Sign-in throttling by device cookie (./throttle.ts).
  const deviceCookie = deviceCookieName(secure);
  const deviceIn = (headers: Headers | undefined) => cookieValue(headers?.get("cookie"), deviceCookie);
  /** The window an attempt counts in: this browser's own if it is known for the account, else the account's. */
  const windowOf = (headers: Headers | undefined, email: unknown) =>
    attemptKey(email, knownDevice(deviceIn(headers), email, cfg.sessionSecret));
  const perAddress = { window: 60, max: cfg.staff.loginAttemptsPerMinute };
  const proxies = trustedProxyList(cfg.staff.trustedProxies);

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
    emailAndPassword: { enabled: true, disableSignUp: true, autoSignIn: false, minPasswordLength: 10 },
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
        "/sign-in/email": async (request) => {
          if (!request.headers.has("x-forwarded-for")) return false;
          const device = deviceIn(request.headers);
          const json = request.headers.get("content-type")?.includes("application/json");
          if (!json || !hasDeviceEntries(device)) return perAddress;
          const body = (await request
            .clone()
            .json()
            .catch(() => null)) as { email?: unknown } | null;
          return knownDevice(device, body?.email, cfg.sessionSecret) ? false : perAddress;
        },
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
  /** Every request with the client's address resolved. */
  auth.handler = (request: Request) => handle(withClientAddress(request, proxies));
  return auth;
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { __auth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  globalForAuth.__auth ??= getDb().then((db) => {
    if (process.env.NODE_ENV === "production" && !peerForwarded())
      console.warn(
        "[auth] not started by lib/cli/server.mjs (npm start): X-Forwarded-For may hold any address a client claims, so the per-address sign-in limit can be dodged",
      );
    return createAuth(db, config());
  });
  return globalForAuth.__auth;
}
