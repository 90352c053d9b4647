// The app's configuration: every environment variable the app reads, parsed once with zod. This module is the
// only reader of process.env for app settings; an invalid environment stops the server at boot with one message
// that lists every bad or missing variable (see instrumentation.ts).
import "server-only";
import { z } from "zod";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** The sender in sandbox mode when MAIL_FROM is not set (the embedded SMTP server takes any). */
const SANDBOX_MAIL_FROM = "Skip Pay Orders (sandbox) <no-reply@sandbox.invalid>";
/** The shop's name under customer e-mails in sandbox mode when neither SHOP_NAME nor MAIL_FROM gives one. */
const SANDBOX_SHOP_NAME = "Demo e-shop";

/** The name part of a sender (`Vařečka <orders@varecka.cz>` → `Vařečka`); none for a bare address. */
export function senderName(from: string | undefined): string | undefined {
  const name = from
    ?.match(/^([^<>]*)</)?.[1]
    ?.trim()
    .replace(/^"(.*)"$/, "$1")
    .trim();
  return name || undefined;
}

const port = z.coerce.number().int().min(1).max(65535);
const positiveMs = z.coerce.number().int().min(1);

/** An IPv4-mapped IPv6 address in any spelling (the URL parser writes them all as `::ffff:x:y`). */
const isMapped = (address: string) =>
  address.includes(":") &&
  /^\[::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}\]$/.test(new URL(`http://[${address}]`).hostname);

/** A proxy's address or range, as better-auth matches them: it ignores IPv4-mapped IPv6 ones. */
const proxyAddress = z
  .union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], {
    error: "must be IP addresses or CIDR ranges, separated by commas",
  })
  .refine(
    (a) => !isMapped(a.split("/")[0] as string),
    "write an IPv4 proxy as IPv4 (10.0.0.7), not IPv4-mapped IPv6",
  )
  .refine((a) => {
    const [address = "", prefix] = a.split("/");
    return prefix === undefined || Number(prefix) >= (address.includes(":") ? 32 : 8);
  }, "too wide a range (below /8, or /32 for IPv6) would trust clients' addresses too: name your proxies'");

/** A host name or address with an optional port, as it appears in a URL (`hooks.shop.cz`, `10.0.0.5:8080`). */
const notifyHost = z.string().refine((entry) => {
  try {
    return new URL(`http://${entry}`).host === entry.toLowerCase() && !entry.includes("@");
  } catch {
    return false;
  }
}, "must be host names or host:port pairs, separated by commas");

const envSchema = z.object({
  PORT: port.default(3000),
  APP_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  SKIPPAY_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  SKIPPAY_USERNAME: z.string().min(1).optional(),
  SKIPPAY_PASSWORD: z.string().min(1).optional(),
  SKIPPAY_TIMEOUT_MS: positiveMs.default(15_000),
  OPERATION_LEASE_SECONDS: z.coerce.number().int().min(1).max(86_400).optional(),
  SESSION_SECRET: z.string({ error: "is required" }).min(32, "must be at least 32 characters"),
  SANDBOX_USERNAME: z.string().min(1).default("sandbox"),
  SANDBOX_PASSWORD: z.string().min(1).default("sandbox"),
  SANDBOX_TOKEN_TTL_SECONDS: z.coerce.number().int().min(1).default(7200),
  SANDBOX_FAULT_TIMEOUT_MS: positiveMs.default(60_000),
  SANDBOX_SEED: z.enum(["demo", "none"]).default("demo"),
  SANDBOX_NOTIFY_HOSTS: z
    .string()
    .transform((list) =>
      list
        .split(",")
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(notifyHost))
    .optional(),
  APPROVAL_LIMIT_CZK: z.coerce.number().int().min(0).max(100_000_000).default(5_000),
  SESSION_MAX_AGE_HOURS: z.coerce
    .number()
    .min(0.05)
    .max(24 * 30)
    .default(10),
  LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000).default(5),
  TRUSTED_PROXIES: z
    .string()
    .transform((list) =>
      list
        .split(",")
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .pipe(z.array(proxyAddress))
    .optional(),
  ADMIN_EMAIL: z.email("must be an e-mail address").optional(),
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  ADMIN_NAME: z.string().min(1).max(100).default("Administrator"),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  MAIL_FROM: z
    .string()
    .max(320)
    .refine((v) => /^[^<>]*<[^\s@<>]+@[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+$/.test(v.trim()), {
      message: 'must be an e-mail address, or a name and one: "Shop <orders@shop.cz>"',
    })
    .optional(),
  SHOP_NAME: z.string().trim().min(1).max(100).optional(),
});

export type SkipPayMode = "sandbox" | "remote";

export interface AppConfig {
  port: number;
  appUrl: string;
  database: { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };
  skippay: { mode: SkipPayMode; baseUrl: string; username: string; password: string; timeoutMs: number };
  /**
   * How long an operation holds its application before an outcome that stayed unclear is settled as not applied
   * (the order shows no change) or handed to a supervisor.
   */
  operationLeaseMs: number;
  sessionSecret: string;
  staff: {
    /** An agent's refund above this (minor units) waits for a supervisor's approval. */
    approvalLimit: number;
    sessionMaxAgeSeconds: number;
    loginAttemptsPerMinute: number;
    /**
     * The reverse proxies in front of the app. Their X-Forwarded-For is read from the right, past them, so a client
     * cannot claim another address; empty when the app faces clients itself.
     */
    trustedProxies: string[];
    /** Created at boot when no admin exists (production); both or neither. */
    admin: { email: string; password: string; name: string } | null;
  };
  sandbox: {
    username: string;
    password: string;
    tokenTtlSeconds: number;
    faultTimeoutMs: number;
    seed: "demo" | "none";
    /** Hosts (host or host:port) the sandbox may notify besides this app's own notification route. */
    notifyHosts: string[];
  };
  /**
   * How customer e-mails go out (lib/mail): over `SMTP_URL`; in sandbox mode without it, to the embedded SMTP
   * server whose messages the Outbox page lists; in production without it, not at all (the button says why).
   */
  mail:
    | { kind: "smtp"; url: string; from: string; shopName: string }
    | { kind: "sandbox"; from: string; shopName: string }
    | { kind: "off" };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Whether a base URL is this very instance's `/sandbox`: on the app's own origin, or on a loopback host at the
 * port this instance listens on. Another instance's sandbox (another port) is a remote Skip Pay like any other.
 */
export function isEmbeddedSandbox(baseUrl: string, appUrl: string, port: number): boolean {
  const url = new URL(baseUrl);
  if (url.pathname.replace(/\/+$/, "") !== "/sandbox") return false;
  if (url.origin === new URL(appUrl).origin) return true;
  const urlPort = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  return LOOPBACK_HOSTS.has(url.hostname) && urlPort === port;
}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  // An empty variable (e.g. `SKIPPAY_PASSWORD=` in a .env file) means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  const appUrl = (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  const baseUrl = (e.SKIPPAY_BASE_URL ?? `http://127.0.0.1:${e.PORT}/sandbox`).replace(/\/+$/, "");
  const mode: SkipPayMode =
    e.SKIPPAY_BASE_URL === undefined || isEmbeddedSandbox(baseUrl, appUrl, e.PORT) ? "sandbox" : "remote";

  const problems: string[] = [];
  if (mode === "remote") {
    // Against the real API there are no defaults: a missing credential is a deployment mistake.
    if (!e.SKIPPAY_USERNAME)
      problems.push("SKIPPAY_USERNAME: is required when SKIPPAY_BASE_URL is not the sandbox");
    if (!e.SKIPPAY_PASSWORD)
      problems.push("SKIPPAY_PASSWORD: is required when SKIPPAY_BASE_URL is not the sandbox");
    // Skip Pay accepts HTTPS only; over plain HTTP the password would cross the network in clear before the refusal.
    const remote = new URL(baseUrl);
    if (remote.protocol !== "https:" && !LOOPBACK_HOSTS.has(remote.hostname))
      problems.push("SKIPPAY_BASE_URL: must use https:// (plain http only to this machine)");
  } else {
    // Settings that only make sense in production, given with a sandbox URL: a mistake, never a demo to boot.
    const sandboxUrl = e.SKIPPAY_BASE_URL
      ? `SKIPPAY_BASE_URL is this app's own embedded sandbox (${baseUrl})`
      : "SKIPPAY_BASE_URL is not set, so the embedded sandbox is used";
    for (const name of ["SKIPPAY_USERNAME", "SKIPPAY_PASSWORD"] as const)
      if (e[name])
        problems.push(
          `${name}: partner credentials are set but ${sandboxUrl}; set SKIPPAY_BASE_URL to Skip Pay's API, or remove them (the sandbox takes SANDBOX_USERNAME/SANDBOX_PASSWORD)`,
        );
    if (e.ADMIN_EMAIL)
      problems.push(
        `ADMIN_EMAIL: the first admin is for production, but ${sandboxUrl}, which has demo accounts; set SKIPPAY_BASE_URL to Skip Pay's API, or remove ADMIN_EMAIL/ADMIN_PASSWORD`,
      );
  }
  // An operation's calls — the check read, a login, the PUT, and after a 401 a new login and PUT — take at most
  // six client timeouts; until they are over, an order without the change proves nothing.
  const callChainMs = 6 * e.SKIPPAY_TIMEOUT_MS;
  if (e.OPERATION_LEASE_SECONDS !== undefined && e.OPERATION_LEASE_SECONDS * 1000 <= callChainMs)
    problems.push(
      `OPERATION_LEASE_SECONDS: must be more than 6 × SKIPPAY_TIMEOUT_MS (${Math.ceil(callChainMs / 1000)} s)`,
    );
  if (e.SMTP_URL && !e.MAIL_FROM && mode === "remote")
    problems.push(
      "MAIL_FROM: is required with SMTP_URL (the sender customers see, e.g. Shop <orders@shop.cz>)",
    );
  // Customer e-mails sign off with the shop's name: SHOP_NAME, else the name in MAIL_FROM.
  const shopName = e.SHOP_NAME ?? senderName(e.MAIL_FROM);
  if (e.SMTP_URL && e.MAIL_FROM && !shopName && mode === "remote")
    problems.push(
      "SHOP_NAME: is required with SMTP_URL when MAIL_FROM has no name (customer e-mails sign off with it, e.g. Vařečka)",
    );
  if (!!e.ADMIN_EMAIL !== !!e.ADMIN_PASSWORD)
    problems.push("ADMIN_EMAIL and ADMIN_PASSWORD: give both or neither");
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    port: e.PORT,
    appUrl,
    database: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL }
      : { kind: "pglite", dir: e.PGLITE_DIR },
    skippay: {
      mode,
      baseUrl,
      username: e.SKIPPAY_USERNAME ?? e.SANDBOX_USERNAME,
      password: e.SKIPPAY_PASSWORD ?? e.SANDBOX_PASSWORD,
      timeoutMs: e.SKIPPAY_TIMEOUT_MS,
    },
    // By default a minute on top of the call chain gives Skip Pay time to finish anything it was still doing.
    operationLeaseMs: (e.OPERATION_LEASE_SECONDS ?? 0) * 1000 || callChainMs + 60_000,
    sessionSecret: e.SESSION_SECRET,
    staff: {
      approvalLimit: e.APPROVAL_LIMIT_CZK * 100,
      sessionMaxAgeSeconds: Math.round(e.SESSION_MAX_AGE_HOURS * 3600),
      loginAttemptsPerMinute: e.LOGIN_ATTEMPTS_PER_MINUTE,
      trustedProxies: e.TRUSTED_PROXIES ?? [],
      admin:
        e.ADMIN_EMAIL && e.ADMIN_PASSWORD
          ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD, name: e.ADMIN_NAME }
          : null,
    },
    sandbox: {
      username: e.SANDBOX_USERNAME,
      password: e.SANDBOX_PASSWORD,
      tokenTtlSeconds: e.SANDBOX_TOKEN_TTL_SECONDS,
      faultTimeoutMs: e.SANDBOX_FAULT_TIMEOUT_MS,
      seed: e.SANDBOX_SEED,
      notifyHosts: e.SANDBOX_NOTIFY_HOSTS ?? [],
    },
    mail: e.SMTP_URL
      ? {
          kind: "smtp",
          url: e.SMTP_URL,
          from: e.MAIL_FROM ?? SANDBOX_MAIL_FROM,
          shopName: shopName ?? SANDBOX_SHOP_NAME,
        }
      : mode === "sandbox"
        ? { kind: "sandbox", from: e.MAIL_FROM ?? SANDBOX_MAIL_FROM, shopName: shopName ?? SANDBOX_SHOP_NAME }
        : { kind: "off" },
  };
}

const globalForConfig = globalThis as unknown as { __appConfig?: AppConfig };

/** The parsed configuration of this process (parsed on first use, then cached). */
export function config(): AppConfig {
  globalForConfig.__appConfig ??= parseConfig(process.env);
  return globalForConfig.__appConfig;
}
