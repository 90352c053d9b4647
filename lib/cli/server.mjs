// The production server — `npm start`, the e2e tests' and the benchmark's: Next.js's own request handler (the one
// `next start` uses) behind a plain Node HTTP server that appends the connecting address to X-Forwarded-For, as a
// proxy does. `next start` fills the header only when a request brings none, so a client could claim any address;
// with the peer always last, the app reads the header from the right and believes the hops before it only from
// proxies named in TRUSTED_PROXIES (lib/auth/client-address.ts, docs/security.md).
//
//   node lib/cli/server.mjs [-H hostname] [-p port]      (port: -p, else PORT, else 3000)
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { ROOT } from "./shared.mjs";

const { values } = parseArgs({
  options: { hostname: { type: "string", short: "H" }, port: { type: "string", short: "p" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;
process.env.NODE_ENV = "production";
process.env.PORT = String(port);
// Tells the app that X-Forwarded-For ends with the socket's peer (lib/auth/client-address.ts).
globalThis[Symbol.for("skippay-admin.peer-forwarded")] = true;

// Imported once NODE_ENV is set: React and Next pick their production builds when they load.
const { default: next } = await import("next");
const app = next({ dev: false, dir: ROOT, hostname: hostname ?? "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

const EARLY_REFUSAL = Symbol.for("skippay-admin.sign-in-refusal");
const SIGN_IN = /^\/api\/auth\/sign-in\/email\/?(\?|$)/;

const server = createServer((req, res) => {
  // A sign-in the app would refuse at once (lib/auth/auth.ts, refuseEarly) is refused here, before Next.js routes it.
  const refused =
    req.method === "POST" && SIGN_IN.test(req.url ?? "") && globalThis[EARLY_REFUSAL]?.(req.headers.cookie);
  if (refused) {
    // And the connection closed: a client that will not wait at least has to connect again.
    res.writeHead(refused.status, { ...refused.headers, connection: "close" }).end(refused.body);
    req.resume();
    return;
  }
  const peer = req.socket.remoteAddress;
  const claimed = req.headers["x-forwarded-for"];
  // Without a peer (the socket is already gone) nothing in the header can be vouched for.
  if (!peer) delete req.headers["x-forwarded-for"];
  else req.headers["x-forwarded-for"] = claimed ? `${claimed}, ${peer}` : peer;
  handle(req, res).catch((error) => {
    console.error(`Failed to handle ${req.method} ${req.url}`, error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.on("error", (error) => {
  console.error(`The server could not start: ${error.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => console.log(`▲ Ready on http://${hostname ?? "localhost"}:${port}`));

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    // Finish what is under way, then let Next clean up (as `next start` does).
    server.close(() => app.close().finally(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
