// The app's one sandbox instance, wired to the configuration and the app's database.
import "server-only";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import pkg from "@/package.json";
import { createSandbox, type Sandbox } from "./http";
import { createNotifier, notificationAllowed } from "./notifier";

const globalForSandbox = globalThis as unknown as { __sandbox?: Sandbox };

export function sandbox(): Sandbox {
  if (!globalForSandbox.__sandbox) {
    const cfg = config();
    globalForSandbox.__sandbox = createSandbox({
      database: getDb,
      username: cfg.sandbox.username,
      password: cfg.sandbox.password,
      tokenTtlSeconds: cfg.sandbox.tokenTtlSeconds,
      faultTimeoutMs: cfg.sandbox.faultTimeoutMs,
      publicBaseUrl: cfg.skippay.baseUrl,
      projectVersion: `Skip Pay sandbox (skippay-merchant-admin ${pkg.version})`,
      notify: createNotifier({
        allow: (url) =>
          notificationAllowed(url, { appUrl: cfg.appUrl, port: cfg.port, hosts: cfg.sandbox.notifyHosts }),
      }),
    });
  }
  return globalForSandbox.__sandbox;
}

export function sandboxEnabled(): boolean {
  return config().skippay.mode === "sandbox";
}
