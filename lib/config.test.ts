import { describe, expect, it } from "vitest";
import { ConfigError, isEmbeddedSandbox, parseConfig } from "./config";

const secret = "s".repeat(32);

describe("parseConfig", () => {
  it("defaults to the embedded sandbox, port 3000 and PGlite in .data/", () => {
    const cfg = parseConfig({ SESSION_SECRET: secret });
    expect(cfg.port).toBe(3000);
    expect(cfg.skippay).toMatchObject({
      mode: "sandbox",
      baseUrl: "http://127.0.0.1:3000/sandbox",
      username: "sandbox",
      password: "sandbox",
      timeoutMs: 15_000,
    });
    expect(cfg.database).toEqual({ kind: "pglite", dir: ".data/pglite" });
    expect(cfg.sandbox.tokenTtlSeconds).toBe(7200);
  });

  it("holds an operation's application for the Skip Pay call chain and a minute, or for OPERATION_LEASE_SECONDS", () => {
    expect(parseConfig({ SESSION_SECRET: secret }).operationLeaseMs).toBe(6 * 15_000 + 60_000);
    expect(parseConfig({ SESSION_SECRET: secret, SKIPPAY_TIMEOUT_MS: "3000" }).operationLeaseMs).toBe(78_000);
    expect(
      parseConfig({ SESSION_SECRET: secret, SKIPPAY_TIMEOUT_MS: "3000", OPERATION_LEASE_SECONDS: "25" })
        .operationLeaseMs,
    ).toBe(25_000);
    // Shorter than the calls it covers: an order without the change would prove nothing yet.
    expect(() =>
      parseConfig({ SESSION_SECRET: secret, SKIPPAY_TIMEOUT_MS: "3000", OPERATION_LEASE_SECONDS: "18" }),
    ).toThrow(/OPERATION_LEASE_SECONDS: must be more than 6 × SKIPPAY_TIMEOUT_MS \(18 s\)/);
  });

  it("follows PORT in the default sandbox URL and uses PostgreSQL when DATABASE_URL is set", () => {
    const cfg = parseConfig({
      SESSION_SECRET: secret,
      PORT: "4100",
      DATABASE_URL: "postgres://u@db:5432/app",
    });
    expect(cfg.skippay.baseUrl).toBe("http://127.0.0.1:4100/sandbox");
    expect(cfg.database).toEqual({ kind: "postgres", url: "postgres://u@db:5432/app" });
  });

  it("lists every bad or missing variable in one error", () => {
    let error: unknown;
    try {
      parseConfig({ PORT: "abc", DATABASE_URL: "mysql://x", SKIPPAY_TIMEOUT_MS: "-5" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join("\n");
    expect(problems).toContain("PORT");
    expect(problems).toContain("DATABASE_URL");
    expect(problems).toContain("SKIPPAY_TIMEOUT_MS");
    expect(problems).toContain("SESSION_SECRET");
    expect((error as ConfigError).message).toMatch(/^Invalid configuration:/);
  });

  it("requires real credentials when pointed at the real Skip Pay API", () => {
    expect(() =>
      parseConfig({ SESSION_SECRET: secret, SKIPPAY_BASE_URL: "https://api.partner.skippay.cz" }),
    ).toThrow(/SKIPPAY_USERNAME.*\n.*SKIPPAY_PASSWORD/s);
    const cfg = parseConfig({
      SESSION_SECRET: secret,
      SKIPPAY_BASE_URL: "https://api.partner.skippay.cz/",
      SKIPPAY_USERNAME: "eshop",
      SKIPPAY_PASSWORD: "secret",
    });
    expect(cfg.skippay).toMatchObject({
      mode: "remote",
      baseUrl: "https://api.partner.skippay.cz",
      username: "eshop",
    });
  });

  it("refuses plain http to another machine: the credentials would travel in clear", () => {
    const remote = { SESSION_SECRET: secret, SKIPPAY_USERNAME: "eshop", SKIPPAY_PASSWORD: "secret" };
    expect(() => parseConfig({ ...remote, SKIPPAY_BASE_URL: "http://api.partner.skippay.cz" })).toThrow(
      /SKIPPAY_BASE_URL: must use https/,
    );
    // A local endpoint (a stand-alone sandbox, a TLS sidecar) may be plain http.
    expect(parseConfig({ ...remote, SKIPPAY_BASE_URL: "http://127.0.0.1:8443" }).skippay.mode).toBe("remote");
  });

  it("reads TRUSTED_PROXIES as a list of addresses and ranges, and names a wrong one", () => {
    expect(parseConfig({ SESSION_SECRET: secret }).staff.trustedProxies).toEqual([]);
    const cfg = parseConfig({
      SESSION_SECRET: secret,
      TRUSTED_PROXIES: " 10.0.0.0/8, 192.0.2.10 ,2001:db8::/32",
    });
    expect(cfg.staff.trustedProxies).toEqual(["10.0.0.0/8", "192.0.2.10", "2001:db8::/32"]);
    expect(() => parseConfig({ SESSION_SECRET: secret, TRUSTED_PROXIES: "10.0.0.1, proxy.local" })).toThrow(
      /TRUSTED_PROXIES\.1: must be IP addresses or CIDR ranges/,
    );
    expect(() => parseConfig({ SESSION_SECRET: secret, TRUSTED_PROXIES: "::ffff:10.0.0.0/104" })).toThrow(
      /TRUSTED_PROXIES\.0: write an IPv4 proxy as IPv4/,
    );
    for (const mapped of ["::ffff:a00:0/104", "0:0:0:0:0:ffff:a00:7"])
      expect(() => parseConfig({ SESSION_SECRET: secret, TRUSTED_PROXIES: mapped })).toThrow(
        /write an IPv4 proxy as IPv4/,
      );
    for (const wide of ["0.0.0.0/0", "10.0.0.1, 128.0.0.0/1", "2001:db8::/16"])
      expect(() => parseConfig({ SESSION_SECRET: secret, TRUSTED_PROXIES: wide })).toThrow(
        /too wide a range/,
      );
  });

  it("treats empty variables as unset", () => {
    const cfg = parseConfig({ SESSION_SECRET: secret, DATABASE_URL: "", PORT: "" });
    expect(cfg.database.kind).toBe("pglite");
    expect(cfg.port).toBe(3000);
  });
});

describe("isEmbeddedSandbox", () => {
  it("recognises this app's /sandbox path on its own origin, or on a loopback host at its own port", () => {
    expect(isEmbeddedSandbox("http://127.0.0.1:3000/sandbox", "http://localhost:3000", 3000)).toBe(true);
    expect(isEmbeddedSandbox("http://localhost:3000/sandbox/", "http://localhost:3000", 3000)).toBe(true);
    expect(isEmbeddedSandbox("https://admin.shop.cz/sandbox", "https://admin.shop.cz", 3000)).toBe(true);
    expect(isEmbeddedSandbox("http://[::1]:3000/sandbox", "https://admin.shop.cz", 3000)).toBe(true);
    expect(isEmbeddedSandbox("https://api.partner.skippay.cz", "http://localhost:3000", 3000)).toBe(false);
    expect(isEmbeddedSandbox("https://evil.example/sandbox", "http://localhost:3000", 3000)).toBe(false);
  });

  it("does not take another instance's sandbox (another port on this machine) for its own", () => {
    expect(isEmbeddedSandbox("http://127.0.0.1:3100/sandbox", "http://127.0.0.1:3101", 3101)).toBe(false);
    expect(isEmbeddedSandbox("http://localhost/sandbox", "http://localhost:3000", 3000)).toBe(false);
    expect(isEmbeddedSandbox("https://admin.shop.cz:8443/sandbox", "https://admin.shop.cz", 3000)).toBe(
      false,
    );
  });
});

describe("sandbox mode only when meant", () => {
  const partner = { SKIPPAY_USERNAME: "eshop", SKIPPAY_PASSWORD: "partner-secret" };
  const admin = { ADMIN_EMAIL: "boss@shop.cz", ADMIN_PASSWORD: "a-long-password" };

  it("runs against another instance's sandbox as a remote Skip Pay, with its admin and no demo", () => {
    const cfg = parseConfig({
      SESSION_SECRET: secret,
      PORT: "3101",
      APP_URL: "http://127.0.0.1:3101",
      SKIPPAY_BASE_URL: "http://127.0.0.1:3100/sandbox",
      ...partner,
      ...admin,
    });
    expect(cfg.skippay).toMatchObject({ mode: "remote", baseUrl: "http://127.0.0.1:3100/sandbox" });
    expect(cfg.skippay.username).toBe("eshop");
    expect(cfg.staff.admin?.email).toBe("boss@shop.cz");
  });

  it("uses the embedded sandbox when the base URL is unset or is this instance's own /sandbox", () => {
    expect(parseConfig({ SESSION_SECRET: secret }).skippay.mode).toBe("sandbox");
    const own = { SESSION_SECRET: secret, PORT: "3101", SKIPPAY_BASE_URL: "http://127.0.0.1:3101/sandbox" };
    expect(parseConfig(own).skippay.mode).toBe("sandbox");
  });

  it("refuses partner credentials or ADMIN_EMAIL with the embedded sandbox, naming each and why", () => {
    const own = { SESSION_SECRET: secret, PORT: "3101", SKIPPAY_BASE_URL: "http://127.0.0.1:3101/sandbox" };
    let error: unknown;
    try {
      parseConfig({ ...own, ...partner, ...admin });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^SKIPPAY_USERNAME: partner credentials are set but SKIPPAY_BASE_URL is/);
    expect(problems[0]).toContain("http://127.0.0.1:3101/sandbox");
    expect(problems[1]).toMatch(/^SKIPPAY_PASSWORD: /);
    expect(problems[2]).toMatch(/^ADMIN_EMAIL: the first admin is for production/);
    // Without a base URL at all, the same: credentials alone never make a production instance.
    expect(() => parseConfig({ SESSION_SECRET: secret, ...partner })).toThrow(
      /SKIPPAY_USERNAME: partner credentials are set but SKIPPAY_BASE_URL is not set/,
    );
    expect(() => parseConfig({ SESSION_SECRET: secret, ...admin })).toThrow(/ADMIN_EMAIL: /);
  });
});

describe("SANDBOX_NOTIFY_HOSTS", () => {
  it("is a list of hosts, with or without a port; empty by default", () => {
    expect(parseConfig({ SESSION_SECRET: secret }).sandbox.notifyHosts).toEqual([]);
    const cfg = parseConfig({
      SESSION_SECRET: secret,
      SANDBOX_NOTIFY_HOSTS: " Hooks.Shop.cz, 127.0.0.1:4555 ",
    });
    expect(cfg.sandbox.notifyHosts).toEqual(["hooks.shop.cz", "127.0.0.1:4555"]);
  });

  it("names an entry that is not a host", () => {
    for (const wrong of ["https://hooks.shop.cz", "hooks.shop.cz/path", "user@hooks.shop.cz", "a b"])
      expect(() => parseConfig({ SESSION_SECRET: secret, SANDBOX_NOTIFY_HOSTS: wrong }), wrong).toThrow(
        /SANDBOX_NOTIFY_HOSTS\.0: must be host names or host:port pairs/,
      );
  });
});

describe("SMTP_URL and MAIL_FROM", () => {
  const remote = {
    SESSION_SECRET: secret,
    SKIPPAY_BASE_URL: "https://api.partner.skippay.cz",
    SKIPPAY_USERNAME: "shop",
    SKIPPAY_PASSWORD: "pw",
  };

  it("sends to the embedded SMTP server with the sandbox, over SMTP_URL when given, nowhere in production without it", () => {
    expect(parseConfig({ SESSION_SECRET: secret }).mail).toMatchObject({ kind: "sandbox" });
    expect(parseConfig(remote).mail).toEqual({ kind: "off" });
    expect(
      parseConfig({ ...remote, SMTP_URL: "smtps://u:p@smtp.shop.cz:465", MAIL_FROM: "Shop <orders@shop.cz>" })
        .mail,
    ).toEqual({
      kind: "smtp",
      url: "smtps://u:p@smtp.shop.cz:465",
      from: "Shop <orders@shop.cz>",
      shopName: "Shop",
    });
  });

  it("signs customer e-mails with SHOP_NAME, else MAIL_FROM's name, else the sandbox's demo shop", () => {
    const smtp = { ...remote, SMTP_URL: "smtps://u:p@smtp.shop.cz:465" };
    const shopName = (env: Record<string, string>) => {
      const mail = parseConfig(env).mail;
      return mail.kind === "off" ? null : mail.shopName;
    };
    expect(shopName({ ...smtp, MAIL_FROM: '"Vařečka s.r.o." <orders@shop.cz>' })).toBe("Vařečka s.r.o.");
    expect(shopName({ ...smtp, MAIL_FROM: "Vařečka <orders@shop.cz>", SHOP_NAME: "Zlatá vařečka" })).toBe(
      "Zlatá vařečka",
    );
    expect(shopName({ ...smtp, MAIL_FROM: "orders@shop.cz", SHOP_NAME: "Vařečka" })).toBe("Vařečka");
    expect(shopName({ SESSION_SECRET: secret })).toBe("Demo e-shop");
    expect(() => parseConfig({ ...smtp, MAIL_FROM: "orders@shop.cz" })).toThrow(
      /SHOP_NAME: is required with SMTP_URL when MAIL_FROM has no name/,
    );
  });

  it("names a URL that is not SMTP, a sender that is no address, and a missing sender in production", () => {
    const problems = (env: Record<string, string>) => {
      try {
        parseConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems({ SESSION_SECRET: secret, SMTP_URL: "https://mail.shop.cz" })).toEqual([
      "SMTP_URL: must be an smtp:// or smtps:// URL",
    ]);
    expect(problems({ SESSION_SECRET: secret, MAIL_FROM: "orders" })[0]).toMatch(
      /^MAIL_FROM: must be an e-mail/,
    );
    expect(problems({ ...remote, SMTP_URL: "smtp://smtp.shop.cz:587" })).toEqual([
      "MAIL_FROM: is required with SMTP_URL (the sender customers see, e.g. Shop <orders@shop.cz>)",
    ]);
  });
});
