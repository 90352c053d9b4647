"use client";
// The order workspace: who and what the order is, the answer to the last action where the agent is looking, what
// happened (the operation chooser and that operation's own form), the timeline and the money ledger. It wires the
// parts together; the rules live in lib/.
import { useTranslations } from "next-intl";
import { Suspense, useEffect, useMemo, useRef, useState } from "react";
import type { PayoutsState } from "@/lib/applications/payouts";
import { approvalFor, can, refundsAwaitingApproval } from "@/lib/auth/roles";
import { pragueToday } from "@/lib/i18n/config";
import { activeEntry, type JournalEntry, unclearEntry } from "@/lib/operations/types";
import { availability } from "@/lib/orders/availability";
import { basisOf } from "@/lib/orders/basis";
import { customerLanguage } from "@/lib/orders/customer-email";
import { factsOf } from "@/lib/orders/customer-message";
import { replanForm } from "@/lib/orders/forms/replan";
import { ledger } from "@/lib/orders/ledger";
import { withHistory } from "@/lib/orders/line-history";
import { orderView } from "@/lib/orders/lines";
import type { OperationKind } from "@/lib/orders/operation-kinds";
import type { OperationFailure } from "@/lib/orders/outcome";
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import { Alert } from "../ui/alert";
import { ApplicationHeader } from "./application-header";
import { SendToCustomer, useCustomerEmails } from "./customer-email";
import { CustomerMessage } from "./customer-message";
import { OrderDocuments } from "./documents";
import { ItemsFilter, ItemsTable } from "./items-table";
import { MoneyLedger } from "./money-ledger";
import { OperationChooser } from "./operation-chooser";
import { FORMS } from "./operation-forms";
import { OperationFrameLoading } from "./operation-frame-layout";
import { OperationResult } from "./operation-result";
import { Payouts } from "./payouts";
import { SandboxDecision } from "./sandbox-decision";
import { ActiveOperation, ReconfirmRequest, UnclearOperation } from "./status-banners";
import { Timeline } from "./timeline";
import type { WorkspaceStaff } from "./types";
import type { OperationContext } from "./use-operation-form";
import { useOperationResults, type WorkspaceActions } from "./use-operation-results";
import { type Journal, useOrderData } from "./use-order-data";
import { usePayouts } from "./use-payouts";

const operationOf = (failure: OperationFailure) =>
  failure.kind === "in_progress" || failure.kind === "needs_review" ? failure.operationId : null;

export function OrderWorkspace({
  initial,
  initialJournal,
  initialPayouts,
  readAt,
  sandbox,
  staff,
  approvalLimit,
  leaseMs,
  mailOn,
  replan: replanOnOpen,
  actions,
}: {
  initial: ApplicationResponse;
  initialJournal: Journal;
  /** The payouts the server read with the application. */
  initialPayouts: PayoutsState;
  readAt: number;
  sandbox: boolean;
  staff: WorkspaceStaff;
  approvalLimit: number;
  /** How long an operation holds the application at most (the server's lease). */
  leaseMs: number;
  /** Customer e-mails can be sent (SMTP_URL, or the sandbox's own SMTP server). */
  mailOn: boolean;
  /** A request of this agent's sent back to confirm again, to open as its form right away (from My requests). */
  replan?: string | null;
  actions: WorkspaceActions;
}) {
  const t = useTranslations("workspace");
  const data = useOrderData({ initial, initialJournal, readAt });
  const { application, entries, notes } = data;
  const read = useMemo(() => orderView(application.order), [application.order]);
  // The lines as Skip Pay has them, dated where this admin returned or cancelled them.
  const view = useMemo(() => ({ ...read, lines: withHistory(read.lines, entries) }), [read, entries]);
  const available = useMemo(() => availability(application, view, application.order), [application, view]);
  const payouts = usePayouts({
    id: application.id,
    stateReason: application.stateReason,
    initial: { stateReason: initial.stateReason, payouts: initialPayouts },
    readAt,
  });
  const money = useMemo(
    () => ledger(application.order, entries, payouts.ok ? payouts.payments : null),
    [application.order, entries, payouts],
  );
  const basis = useMemo(() => basisOf(application), [application]);
  const active = activeEntry(entries);
  const unclear = unclearEntry(entries);
  const sentBack = entries.find((e) => e.status === "needs_reconfirmation" && e.actorId === staff.id);
  const mayOperate = can(staff.role, "operate");
  const [kind, setKind] = useState<OperationKind | null>(null);
  const [prefill, setPrefill] = useState<OperationContext["prefill"]>(null);
  const itemsFilter = useState("");
  const choose = (next: OperationKind | null) => {
    setPrefill(null);
    setKind(next);
  };
  const results = useOperationResults(actions, data, () => choose(null));
  // One click: the request sent back to this agent opens as its form, filled in as asked, on the order as it is now.
  const replan = (e: JournalEntry) => {
    if (!e.request) return;
    const { kind: k, values } = replanForm(
      e.request,
      view.lines.map((l) => l.key),
      pragueToday(),
    );
    setPrefill({ replaces: e.id, values });
    setKind(k);
    requestAnimationFrame(() =>
      document.getElementById("panel-heading")?.scrollIntoView({ block: "center", behavior: "smooth" }),
    );
  };
  const opened = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the page opens.
  useEffect(() => {
    if (opened.current || !replanOnOpen || !mayOperate) return;
    opened.current = true;
    const own = entries.find((e) => e.id === replanOnOpen && e.actorId === staff.id);
    if (own?.status === "needs_reconfirmation") replan(own);
  }, []);
  const { result, confirmed } = results;
  const emailFor = useCustomerEmails({
    notify: actions.notifyCustomer,
    emails: data.emails,
    applicationId: application.id,
    recipient: application.customer.email?.trim() || null,
    mailOn,
    maySend: mayOperate,
    refreshJournal: data.refreshJournal,
  });
  const language = customerLanguage(application);
  // The answer on screen is about this operation: the journal shows how an unclear one settles.
  const resultId = result && !result.ok ? (result.operationId ?? operationOf(result.failure)) : null;
  const resultEntry = resultId ? (entries.find((e) => e.id === resultId) ?? null) : null;

  const ctx: OperationContext = {
    application,
    view,
    basis,
    loadedAt: new Date(data.updatedAt).toISOString(),
    locked: !!active,
    approval: (plan) => approvalFor(staff, plan.refund, approvalLimit, entries),
    awaitingApproval: refundsAwaitingApproval(entries),
    send: (submission, plan) => results.send(submission, plan, application.state),
    sending: results.sending,
    prefill,
  };
  const Form = kind && available[kind].allowed ? FORMS[kind] : null;

  return (
    <div className="space-y-5">
      <ApplicationHeader application={application} originalTotal={money.financed} />

      <div className="space-y-3">
        {result && (
          <OperationResult
            result={result}
            entry={resultEntry}
            leaseMs={leaseMs}
            onCheck={data.recheck}
            checking={data.checking}
          />
        )}
        {/* One banner per outcome: the lock is told here only when it is not the answer above. */}
        {active && active.id !== resultEntry?.id && (
          <ActiveOperation entry={active} leaseMs={leaseMs} recheck={data.recheck} checking={data.checking} />
        )}
        {unclear && <UnclearOperation entry={unclear} />}
        {sentBack && mayOperate && prefill?.replaces !== sentBack.id && (
          <ReconfirmRequest entry={sentBack} onReplan={() => replan(sentBack)} />
        )}
      </div>
      {confirmed && (
        <CustomerMessage
          facts={factsOf(confirmed.plan, confirmed.application, confirmed.stateBefore)}
          defaultLanguage={language}
          send={(chosen) => <SendToCustomer control={emailFor(confirmed.operationId)} language={chosen} />}
        />
      )}

      {sandbox && mayOperate && application.state === "PROCESSING" && (
        <SandboxDecision id={application.id} decide={actions.sandboxDecision} onDecided={data.show} />
      )}

      {mayOperate ? (
        <OperationChooser value={kind} onChange={choose} available={available} application={application} />
      ) : (
        <Alert tone="info" title={t("viewOnlyTitle")}>
          {t("viewOnlyBody")}
        </Alert>
      )}

      <ItemsFilter value={itemsFilter}>
        {Form && kind ? (
          <Suspense
            fallback={
              <OperationFrameLoading kind={kind} table={<ItemsTable lines={view.lines} pick={null} />} />
            }
          >
            <Form key={`${kind}-${prefill?.replaces ?? ""}`} ctx={ctx} />
          </Suspense>
        ) : (
          <ItemsTable lines={view.lines} pick={null} />
        )}
      </ItemsFilter>

      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
        <Timeline
          entries={entries}
          notes={notes}
          staff={staff}
          application={application}
          lineNames={Object.fromEntries(view.lines.map((l) => [l.key, l.name]))}
          results={results}
          actions={actions}
          emailFor={emailFor}
          language={language}
        />
        <div className="space-y-5">
          <MoneyLedger
            ledger={money}
            notes={notes}
            applicationId={application.id}
            mayCheck={mayOperate}
            results={results}
            checkDrift={actions.checkDrift}
          />
          <Payouts payouts={payouts} />
          <OrderDocuments documents={application.order.documents ?? []} />
        </div>
      </div>
    </div>
  );
}
