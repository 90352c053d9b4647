// A local HTTP endpoint that records what is posted to it: where the sandbox's notifications land in tests.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface Receiver {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** host:port, as SANDBOX_NOTIFY_HOSTS lists it. */
  host: string;
  received: { path: string; body: unknown }[];
  /** Resolves once `count` posts have arrived. */
  waitFor(count: number): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Receiver["received"] = [];
  const waiting: { count: number; resolve: () => void }[] = [];
  const server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk) => (text += chunk));
    req.on("end", () => {
      received.push({ path: req.url ?? "", body: JSON.parse(text || "null") });
      res.writeHead(200, { "content-type": "application/json" }).end('{"status":"OK"}');
      for (const w of waiting.filter((w) => received.length >= w.count)) w.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    received,
    waitFor: (count) =>
      received.length >= count
        ? Promise.resolve()
        : new Promise((resolve) => waiting.push({ count, resolve })),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
