// Staff sign-in with better-auth: e-mail + password (scrypt hashes), httpOnly session cookies that expire, login
// rate limiting stored in the database (so it holds across instances). No public sign-up: accounts are created
// by an admin (or, in the sandbox, as demo users). Server-only.
import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { eq } from "drizzle-orm";
import { type AppConfig, config } from "@/lib/config";
import { type Db, getDb } from "@/lib/db/client";
import { accounts, rateLimits, sessions, users, verifications } from "@/lib/db/schema";
import {
  attemptKey,
  clearSignInAttempts,
  DEVICE_COOKIE,
  DEVICE_MAX_AGE_SECONDS,
  newDeviceValue,
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

/**
 * Where the per-address sign-in limit finds the client. Next.js puts the connecting address in X-Forwarded-For
 * only when the request has none, so without a proxy a client can claim any address there (the per-account and
 * per-browser windows hold regardless). Behind proxies named in TRUSTED_PROXIES, the header is read from the
 * right, past them: the address the first proxy saw, whatever a client wrote before it.
 */
function clientAddress(trustedProxies: string[]) {
  if (trustedProxies.length > 0) return { ipAddressHeaders: ["x-forwarded-for"], trustedProxies };
  return { ipAddressHeaders: ["x-forwarded-for", "x-real-ip"] };
}

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** The throttle window a sign-in attempt counts in: this browser's, if it holds a device cookie for the account. */
async function signInWindow(ctx: HookContext): Promise<string> {
  const device = ctx.context.createAuthCookie(DEVICE_COOKIE);
  return attemptKey(ctx.body?.email, await ctx.getSignedCookie(device.name, ctx.context.secret));
}

export function createAuth(db: Db, cfg: Pick<AppConfig, "appUrl" | "sessionSecret" | "staff">) {
  return betterAuth({
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
      customRules: { "/sign-in/email": { window: 60, max: cfg.staff.loginAttemptsPerMinute } },
    },
    advanced: {
      cookiePrefix: "skippay-admin",
      useSecureCookies: secureCookies(cfg.appUrl),
      ipAddress: clientAddress(cfg.staff.trustedProxies),
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled account cannot start a session.
          before: async (session) => {
            const [user] = await db
              .select({ disabled: users.disabled })
              .from(users)
              .where(eq(users.id, session.userId));
            if (!user || user.disabled) return false;
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const attempt = await takeSignInAttempt(db, await signInWindow(ctx));
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
          await clearSignInAttempts(db, await signInWindow(ctx));
          // This browser is now known for this account: its attempts count apart from everyone else's.
          // Sent back only with sign-in attempts.
          const device = ctx.context.createAuthCookie(DEVICE_COOKIE, {
            maxAge: DEVICE_MAX_AGE_SECONDS,
            path: "/api/auth/sign-in",
          });
          await ctx.setSignedCookie(
            device.name,
            newDeviceValue(ctx.body?.email),
            ctx.context.secret,
            device.attributes,
          );
        }
      }),
    },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { __auth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  globalForAuth.__auth ??= getDb().then((db) => createAuth(db, config()));
  return globalForAuth.__auth;
}
