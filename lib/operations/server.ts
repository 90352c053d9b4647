// The app's operations service, wired to the configuration, the database and the Skip Pay client. Server-only.
import "server-only";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { skippay } from "@/lib/skippay/client";
import { createOperations, type Operations } from "./service";

const globalForOperations = globalThis as unknown as { __operations?: Promise<Operations> };

export function getOperations(): Promise<Operations> {
  globalForOperations.__operations ??= getDb().then((db) => {
    const cfg = config();
    return createOperations({
      db,
      client: skippay(),
      approvalLimit: cfg.staff.approvalLimit,
      // An operation's calls after it starts — the check read, a login, the PUT, and after a 401 a new login and
      // PUT — take at most six client timeouts; a minute on top gives Skip Pay time to finish anything it was
      // still doing. After that its process is gone, and an order that still looks unchanged was not changed.
      leaseMs: 6 * cfg.skippay.timeoutMs + 60_000,
    });
  });
  return globalForOperations.__operations;
}
