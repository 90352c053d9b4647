// P1 as deployed: Skip Pay is another machine's work, so here it is the sandbox in a process of its own (its own
// database), and the app runs in remote mode against it. The app server's CPU time per request is what the page
// costs this app; throughput on 2 shared cores is reported beside it.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildApplicationRequest, type LineSpec } from "@/lib/sandbox/builders";
import { remoteModeEnv, startSkipPay, treeCpu, until } from "./proc";

const ROOT = path.resolve(import.meta.dirname, "..");
const ADMIN = { email: "bench-admin@example.cz", password: "bench-p1-admin-password" };

export interface Measured {
  p50: number;
  p95: number;
  rps: number;
  errors: number;
  /** Requests answered 200 in the window. */
  count: number;
}

export interface RemoteP1 {
  floor: Measured & { cpuMs: number };
  order: Measured & { cpuMs: number; skipPayCpuMs: number };
  html: number;
}

type Load = (url: string, headers: Record<string, string>, seconds?: number) => Promise<Measured>;

function without(env: NodeJS.ProcessEnv, names: string[]): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !names.includes(k))) as NodeJS.ProcessEnv;
}

/** CPU milliseconds of `pid` (and its children) per request answered while `run` loads it. */
async function cpuPerRequest<T extends Measured>(pids: number[], run: () => Promise<T>) {
  const before = pids.map(treeCpu);
  const result = await run();
  const spent = pids.map((p, i) => treeCpu(p) - (before[i] ?? 0));
  return { result, perRequest: spent.map((s) => (result.count ? (s * 1000) / result.count : Number.NaN)) };
}

export async function runP1Remote(port: number, lines: LineSpec[], load: Load): Promise<RemoteP1> {
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "skippay-bench-remote-"));
  const children: ChildProcess[] = [];
  try {
    // Skip Pay: the sandbox over HTTP on an ephemeral port, with an in-memory PGlite of its own.
    const { child: skipPay, baseUrl: skipPayBase } = await startSkipPay(
      without(process.env, ["DATABASE_URL"]),
    );
    children.push(skipPay);

    // BENCH_NODE_ARGS profiles the app server here too, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
    const app = spawn(
      process.execPath,
      [...nodeArgs, path.join(ROOT, "lib/cli/server.mjs"), "-H", "127.0.0.1", "-p", String(port)],
      {
        cwd: ROOT,
        stdio: ["ignore", "ignore", "inherit"],
        env: {
          // The in-process sandbox's settings would make the app refuse to start in remote mode.
          ...without(process.env, ["DATABASE_URL", "SANDBOX_USERNAME", "SANDBOX_PASSWORD"]),
          ...remoteModeEnv(skipPayBase, ADMIN),
          PORT: String(port),
          APP_URL: base,
          PGLITE_DIR: dataDir,
          SESSION_SECRET: "bench-p1-remote-session-secret-0123456789abcdef",
        },
      },
    );
    children.push(app);
    await until("the app (remote mode)", async () => (await fetch(`${base}/healthz`)).ok, 120, app);

    // An approved 50-line order at Skip Pay.
    const token = (
      (await (
        await fetch(`${skipPayBase}/authentication/v1/partner`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ username: "sandbox", password: "sandbox" }),
        })
      ).json()) as { accessToken: string }
    ).accessToken;
    const call = async (method: string, pathname: string, body?: unknown) => {
      const r = await fetch(`${skipPayBase}${pathname}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      if (r.status >= 400) throw new Error(`${method} ${pathname}: HTTP ${r.status} ${text}`);
      return text ? JSON.parse(text) : null;
    };
    const { id } = await call(
      "POST",
      "/financing/v1/applications",
      buildApplicationRequest({ orderNumber: `BENCH-R50-${Date.now()}`, lines }),
    );
    await call("POST", `/control/applications/${id}/approve`);

    const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify(ADMIN),
    });
    if (!signIn.ok) throw new Error(`sign-in (remote mode) failed: HTTP ${signIn.status}`);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const page = `${base}/applications/${id}`;
    const html = await (await fetch(page, { headers: { cookie } })).text();
    if (!html.includes("L-0050"))
      throw new Error("the remote-mode order page did not render the 50-line order");

    await load(`${base}/forbidden`, { cookie }, 2);
    await load(page, { cookie }, 2);
    const pids = [app.pid as number, skipPay.pid as number];
    const floor = await cpuPerRequest(pids, () => load(`${base}/forbidden`, { cookie }));
    const order = await cpuPerRequest(pids, () => load(page, { cookie }));
    return {
      floor: { ...floor.result, cpuMs: floor.perRequest[0] ?? Number.NaN },
      order: {
        ...order.result,
        cpuMs: order.perRequest[0] ?? Number.NaN,
        skipPayCpuMs: order.perRequest[1] ?? Number.NaN,
      },
      html: Buffer.byteLength(html),
    };
  } finally {
    // Each exits before its files go (and a profiled server writes its profile on the way out).
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(resolve, 15_000);
            child.once("exit", () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill("SIGTERM");
          }),
      ),
    );
    rmSync(dataDir, { recursive: true, force: true });
  }
}
