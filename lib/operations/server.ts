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
      leaseMs: cfg.operationLeaseMs,
    });
  });
  return globalForOperations.__operations;
}
