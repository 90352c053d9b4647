// Operations whose outcome is unclear — a timeout, a dropped connection, a 5xx, an unreadable answer, or a call
// whose process died — settled by re-reading the application and looking for the operation's own footprint (its
// total and the lines it meant to change; lib/orders/footprint.ts), on a schedule as well as whenever the order is
// read. What is still unclear once the lease has passed goes to a supervisor, and the lock goes with it.
// Server-only.
import "server-only";
import { can } from "@/lib/auth/roles";
import { basisOf } from "@/lib/orders/basis";
import { footprint } from "@/lib/orders/footprint";
import type { ResolveResult } from "@/lib/orders/outcome";
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import * as journal from "./journal";
import { type Actor, type Kit, summary } from "./kit";

export interface Settled {
  application: ApplicationResponse | null;
  /** The operation still holding the application afterwards, if any. */
  active: journal.OperationRow | null;
}

export function createReconcile(kit: Kit) {
  const { db, now } = kit;

  /**
   * Settles the application's unclear operation, if it has one. `fresh` is the application as just read (saves a
   * read); `holder` the active operation as just looked up (null: none; saves a look-up).
   */
  async function settle(
    applicationId: string,
    fresh?: ApplicationResponse,
    holder?: journal.OperationRow | null,
  ): Promise<Settled> {
    let active = holder === undefined ? await journal.activeOperation(db, applicationId) : holder;
    // Usually nothing is active: one read, no write. An in-flight call whose caller vanished long ago is unknown.
    const abandonedBefore = new Date(now().getTime() - kit.leaseMs);
    if (active?.status === "in_flight" && active.startedAt && active.startedAt < abandonedBefore) {
      await journal.expireAbandoned(db, applicationId, abandonedBefore);
      active = await journal.activeOperation(db, applicationId);
    }
    if (active?.status !== "unknown") return { application: fresh ?? null, active };
    let app = fresh;
    if (!app) {
      const read = await kit.read(applicationId);
      if (!read.ok) return { application: null, active };
      app = read.value;
    }
    const seen = basisOf(app);
    const found = footprint(active.basisBefore, active.basisExpected, seen);
    // An order without the change does not prove the call will never apply: a slow Skip Pay may commit a request
    // after the client gave up on it, and a retry would then refund twice. So "not applied" (and "ask a person")
    // wait until the lease has passed since the call started — longer than its whole call chain can take.
    const leasePassed = (active.startedAt ?? active.createdAt) < abandonedBefore;
    if (found === "applied") {
      await journal.settleOperation(db, active.id, ["unknown"], {
        status: "succeeded",
        reconciliation: "applied",
        totalAfter: app.order.totalPrice.amount,
        response: summary(app),
        basisSeen: seen,
        finishedAt: now(),
      });
    } else if (leasePassed) {
      await journal.settleOperation(
        db,
        active.id,
        ["unknown"],
        found === "not_applied"
          ? { status: "failed", reconciliation: "not_applied", basisSeen: seen, finishedAt: now() }
          : { status: "needs_review", basisSeen: seen, finishedAt: now() },
      );
    }
    return { application: app, active: await journal.activeOperation(db, applicationId) };
  }

  /** `settle`, answering the application as read (`holder` as in `settle`). */
  async function reconcile(
    applicationId: string,
    fresh?: ApplicationResponse,
    holder?: journal.OperationRow | null,
  ) {
    return (await settle(applicationId, fresh, holder)).application;
  }

  /**
   * Settles what no page is looking at: every unclear operation, and every in-flight one whose caller vanished.
   * Run on a schedule by each instance (./settler.ts); two instances settling the same one is harmless.
   */
  async function settleDue(): Promise<number> {
    const ids = await journal.applicationsToSettle(db, new Date(now().getTime() - kit.leaseMs));
    for (const id of ids) await settle(id);
    return ids.length;
  }

  /** A supervisor records what happened to an operation whose outcome stayed unclear (`needs_review`). */
  async function resolve(
    actor: Actor,
    operationId: string,
    outcome: "applied" | "not_applied",
    note: string,
  ): Promise<ResolveResult> {
    if (!can(actor.role, "approve")) return { ok: false, failure: { kind: "forbidden" } };
    const settled = await journal.settleOperation(db, operationId, ["needs_review"], {
      status: outcome === "applied" ? "succeeded" : "failed",
      reconciliation: outcome,
      resolvedById: actor.id,
      resolvedByName: actor.name,
      resolvedAt: now(),
      resolutionNote: note,
    });
    return settled ? { ok: true, operationId, outcome } : { ok: false, failure: { kind: "not_pending" } };
  }

  return { settle, reconcile, settleDue, resolve };
}

export type Reconcile = ReturnType<typeof createReconcile>;
