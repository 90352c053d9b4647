// Serves the sandbox over real HTTP from a plain Node server (the same handler the Next route uses), on an
// ephemeral loopback port, with its own test database.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { Database } from "@/lib/db/client";
import { createSandbox, type SandboxOptions } from "@/lib/sandbox/http";
import { createSkipPayClient, type SkipPayClient, type SkipPayClientOptions } from "@/lib/skippay/client";
import { openTestDatabase } from "./database";

export interface SandboxServer {
  /** e.g. http://127.0.0.1:41234/sandbox — what SKIPPAY_BASE_URL would be. */
  baseUrl: string;
  database: Database;
  /** The admin's client for this sandbox, signed in with its credentials (3 s timeout unless given). */
  client(options?: Partial<Omit<SkipPayClientOptions, "baseUrl">>): SkipPayClient;
  close(): Promise<void>;
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else if (value !== undefined) headers.set(key, value);
  }
  return headers;
}

export async function startSandboxServer(
  options: Partial<Omit<SandboxOptions, "database">> = {},
): Promise<SandboxServer> {
  const database = await openTestDatabase();
  let baseUrl = "";
  const sandbox = createSandbox({
    database: async () => database.db,
    username: "sandbox",
    password: "sandbox",
    tokenTtlSeconds: 7200,
    faultTimeoutMs: 3000,
    projectVersion: "Skip Pay sandbox (test)",
    ...options,
    get publicBaseUrl() {
      return options.publicBaseUrl ?? baseUrl;
    },
  });

  const server = createServer(async (req, res) => {
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(new URL(url.pathname + url.search, baseUrl), {
      method: req.method,
      headers: headersOf(req),
      body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
      // @ts-expect-error Node's fetch needs `duplex` for a streamed request body.
      duplex: "half",
      signal: controller.signal,
    });
    const response = await sandbox.handle(request, url.pathname.replace(/^\/sandbox/, ""));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (!response.body) {
      res.end();
      return;
    }
    try {
      for await (const chunk of response.body) res.write(chunk);
      res.end();
    } catch {
      // The sandbox's "reset" fault: drop the connection mid-answer.
      res.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}/sandbox`;
  return {
    baseUrl,
    database,
    client: (options = {}) =>
      createSkipPayClient({
        baseUrl,
        username: "sandbox",
        password: "sandbox",
        timeoutMs: 3_000,
        ...options,
      }),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
