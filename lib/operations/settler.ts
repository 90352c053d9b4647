// Each instance re-reads, on a schedule, every application with an operation whose outcome is unclear (or whose
// caller vanished mid-call), so no lock waits for someone to open the order. Server-only.
import "server-only";
import { config } from "@/lib/config";
import { getOperations } from "./server";

const globalForSettler = globalThis as unknown as { __settler?: NodeJS.Timeout };

/** Every few seconds (the client's timeout, between 2 and 15 s); a round never overlaps the one before. */
export function startSettler(): void {
  if (globalForSettler.__settler) return;
  const every = Math.min(15_000, Math.max(2_000, config().skippay.timeoutMs));
  let running = false;
  globalForSettler.__settler = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await (await getOperations()).settleDue();
    } catch (error) {
      console.error("[settler] could not settle unclear operations:", error);
    } finally {
      running = false;
    }
  }, every);
  globalForSettler.__settler.unref();
}
