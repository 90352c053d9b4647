"use client";
import { useLocale, useTranslations } from "next-intl";
import {
  type FormEvent,
  lazy,
  startTransition as lowPriority,
  memo,
  Suspense,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  useTransition,
} from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { can, needsApproval, type Role, unapprovedRefunds } from "@/lib/auth/roles";
import type { JournalEntry } from "@/lib/operations/types";
import { availability } from "@/lib/orders/availability";
import { basisOf } from "@/lib/orders/basis";
import { needsVariableSymbol } from "@/lib/orders/eligibility";
import type { OperationFormValues, OperationRequest } from "@/lib/orders/intents";
import { ledger } from "@/lib/orders/ledger";
import { orderView } from "@/lib/orders/lines";
import { formatMoney, type Locale, sum } from "@/lib/orders/money";
import { emptyOperationForm, type OperationKind } from "@/lib/orders/operation-form";
import type {
  DecisionResult,
  OperationFailure,
  ResolveResult,
  OperationResult as Result,
} from "@/lib/orders/outcome";
import type { Plan, PlanIssue } from "@/lib/orders/planner";
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { cardClass } from "../ui/class-names";
import { Dialog } from "../ui/dialog";
import { FallbackBoundary } from "../ui/fallback-boundary";
import { inputClass } from "../ui/field";
import { ApplicationHeader as Header } from "./application-header";
import { ItemsTable as Items, type Selection } from "./items-table";
import { ActiveOperation, Timeline as History, MoneyLedger as Ledger, UnclearOperation } from "./journal";
import { useLive } from "./live-data";
import { OperationChooser as Chooser } from "./operation-chooser";
import { OperationFields } from "./operation-fields";
import { PlanDetails, PlanIssues, PlanMoney, PlanStates } from "./plan-summary";
import { useFormPlan } from "./use-form-plan";

type ApprovalResult = Result | { ok: true; kind: "rejected"; operationId: string };

interface Actions {
  submitOperation: (input: unknown) => Promise<Result>;
  decideApproval: (input: unknown) => Promise<ApprovalResult>;
  resolveOperation: (input: unknown) => Promise<ResolveResult>;
  sandboxDecision: (input: unknown) => Promise<DecisionResult>;
}

export interface WorkspaceStaff {
  id: string;
  name: string;
  role: Role;
}

const LINE_KINDS = new Set<OperationKind>(["cancel", "return", "send", "deliver"]);

// The page's larger parts, memoized: opening the review or typing a quantity re-renders the workspace, and on a
// long order re-rendering the header, the item table (its rows are memoized too), the timeline and the ledger
// with it would cost the interaction several milliseconds for nothing.
const ApplicationHeader = memo(Header);
const ItemsTable = memo(Items);
const MoneyLedger = memo(Ledger);
const OperationChooser = memo(Chooser);
const Timeline = memo(History);

// What an operation answered, and the customer's explanation of it, are shown only after one: not part of the
// page's first load, they are fetched once it is interactive (see the effect in the workspace).
const loadResultViews = () => Promise.all([import("./operation-result"), import("./customer-message")]);
const OperationResult = lazy(() => loadResultViews().then(([m]) => ({ default: m.OperationResult })));
const CustomerMessage = lazy(() => loadResultViews().then(([, m]) => ({ default: m.CustomerMessage })));

function today(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Prague" }).format(new Date());
}

type Shown = Result | ApprovalResult | { ok: false; failure: OperationFailure };

/** Runs `task` when the browser is idle (soon, where requestIdleCallback is missing); returns the cancel. */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === "function") {
    const handle = requestIdleCallback(task, { timeout: 1000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 50);
  return () => clearTimeout(handle);
}

export function OrderWorkspace({
  initial,
  initialJournal,
  readAt,
  sandbox,
  staff,
  approvalLimit,
  actions,
}: {
  initial: ApplicationResponse;
  initialJournal: JournalEntry[];
  /** When the server began reading them (ms since the epoch). */
  readAt: number;
  sandbox: boolean;
  staff: WorkspaceStaff;
  approvalLimit: number;
  actions: Actions;
}) {
  const t = useTranslations("workspace");
  const locale = useLocale() as Locale;
  const id = initial.id;
  const fresh = useLive({
    key: ["application", id],
    url: `/api/applications/${encodeURIComponent(id)}`,
    initial,
    readAt,
    // While Skip Pay is still deciding, watch for the decision.
    every: (app) => (app.state === "PROCESSING" ? 4_000 : false),
  });
  const journal = useLive({
    key: ["journal", id],
    url: `/api/applications/${encodeURIComponent(id)}/journal`,
    initial: { entries: initialJournal },
    readAt,
    // An operation in flight or of unknown outcome is being settled: keep looking.
    every: ({ entries }) =>
      entries.some((e) => e.status === "in_flight" || e.status === "unknown") ? 3_000 : false,
  });
  const application = fresh.data;
  const entries = journal.data.entries;
  const { set: show, refetch: reread } = fresh;
  const { refetch: refreshJournal } = journal;
  const view = useMemo(() => orderView(application.order), [application.order]);
  const originalTotal = useMemo(() => sum(view.lines.map((l) => l.value)), [view]);
  const available = useMemo(() => availability(application, view, application.order), [application, view]);
  const money = useMemo(() => ledger(application.order, entries), [application.order, entries]);
  // What this page plans on, sent with every operation for the stale-page guard.
  const basis = useMemo(() => basisOf(application), [application]);
  const { parse, planFor, resolver } = useFormPlan(application);
  const active = entries.find((e) => e.status === "in_flight" || e.status === "unknown");
  const unclear = entries.find((e) => e.status === "needs_review");
  const lineNames = useMemo(() => Object.fromEntries(view.lines.map((l) => [l.key, l.name])), [view]);
  const mayOperate = can(staff.role, "operate");
  const keys = view.lines.map((l) => l.key).join("|");

  const [kind, setKind] = useState<OperationKind | null>(null);
  const [filter, setFilter] = useState("");
  const [review, setReview] = useState<{
    values: OperationFormValues;
    plan: Plan;
    basis: ReturnType<typeof basisOf>;
    loadedAt: string;
    submissionId: string;
  } | null>(null);
  const [result, setResult] = useState<Shown | null>(null);
  const [pending, startTransition] = useTransition();
  const [deciding, setDeciding] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  /** Whether the last "Check now" could not read the order (offline, the server down). */
  const [checkFailed, setCheckFailed] = useState(false);
  // A read that succeeded since (a poll, the tab's focus) answers what the failed check could not.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs whenever either read brings an answer.
  useEffect(() => setCheckFailed(false), [fresh.updatedAt, journal.updatedAt]);
  const inFlight = useRef(false);

  const form = useForm<OperationFormValues, unknown, OperationRequest>({
    resolver,
    defaultValues: emptyOperationForm(
      id,
      view.lines.map((l) => l.key),
      "return",
    ),
  });

  // A new set of lines (another order, or Skip Pay split a line differently): start the selection afresh.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the line keys only.
  useEffect(() => {
    form.setValue(
      "lines",
      view.lines.map((l) => ({ key: l.key, quantity: "" })),
    );
  }, [keys]);

  // Fetched as soon as the page is interactive, so an operation's answer shows without waiting for them.
  useEffect(() => {
    loadResultViews().catch(() => {});
  }, []);

  // If the state no longer allows the chosen operation (e.g. after a refetch), drop it.
  useEffect(() => {
    if (kind && !available[kind].allowed) setKind(null);
  }, [kind, available]);

  const choose = useCallback(
    (next: OperationKind) => {
      const base = emptyOperationForm(
        id,
        view.lines.map((l) => l.key),
        next,
      );
      form.reset({
        ...base,
        sentDate: next === "send" ? today() : "",
        deliveryDate: next === "deliver" ? today() : "",
      });
      setKind(next);
    },
    [id, view, form],
  );

  // Live preview: the same planner the server runs, on the values as typed (deferred for large orders).
  const values = useDeferredValue(useWatch({ control: form.control }) as OperationFormValues);
  const live = useMemo(() => {
    if (!kind || !parse) return null;
    const parsed = parse({ ...values, kind });
    if (!parsed.success) return null;
    return planFor(parsed.data.intent);
  }, [values, kind, parse, planFor]);
  const lineIssues = useMemo(() => {
    const map = new Map<number, PlanIssue>();
    if (live && !live.ok) {
      for (const issue of live.issues) {
        const m = issue.field?.match(/^lines\.(\d+)\.quantity$/);
        if (m) map.set(Number(m[1]), issue);
      }
    }
    return map;
  }, [live]);
  const formIssues = live && !live.ok ? live.issues.filter((i) => i.field === null) : [];
  const lineErrors = form.formState.errors.lines;
  // Per-line schema errors sit under numeric keys (an array-level error, if any, beside them).
  const invalidLines = useMemo(
    () =>
      new Set(
        Object.entries(lineErrors ?? {})
          .filter(([key, e]) => /^\d+$/.test(key) && (e as { quantity?: unknown } | undefined)?.quantity)
          .map(([key]) => Number(key)),
      ),
    [lineErrors],
  );
  const { register, setValue, getValues } = form;
  const lineFields = useMemo(() => ({ register, setValue, getValues }), [register, setValue, getValues]);
  const fieldIssues = useMemo(
    () =>
      Object.fromEntries(
        (live && !live.ok ? live.issues : [])
          .filter((i) => i.field && !i.field.startsWith("lines."))
          .map((i) => [i.field, i]),
      ) as Record<string, PlanIssue>,
    [live],
  );
  // What this person already refunded here unapproved counts towards their limit (the server checks the same).
  const earlierMine = useMemo(() => unapprovedRefunds(entries, staff.id), [entries, staff.id]);
  const overLimit = (p: Plan) => needsApproval(staff.role, p.refund, approvalLimit, earlierMine);
  const limitText = earlierMine
    ? t("needsApprovalTogether", {
        limit: formatMoney(approvalLimit, locale),
        earlier: formatMoney(earlierMine, locale),
      })
    : t("needsApproval", { limit: formatMoney(approvalLimit, locale) });

  const openReview = (request: OperationRequest) => {
    // The plan of the exact submitted values (the live preview's, unless they changed since); refusals are
    // already on screen next to their fields.
    const planned = planFor(request.intent);
    if (!planned.ok) return;
    setReview({
      values: form.getValues(),
      plan: planned.plan,
      // What this page planned on, and a one-time id: the server refuses a stale page and a second submission.
      basis,
      loadedAt: new Date(fresh.updatedAt).toISOString(),
      submissionId: crypto.randomUUID(),
    });
  };
  const submitChecked = form.handleSubmit(openReview);
  const onReview = (event: FormEvent<HTMLFormElement>) => {
    // Valid values with no error on screen (the usual case) open the review at once, from the live preview's
    // parse: handleSubmit would first re-render the whole form for its submit state. Anything else goes through
    // handleSubmit, which shows the errors (and clears errors the server set).
    const parsed = parse && Object.keys(form.formState.errors).length === 0 ? parse(form.getValues()) : null;
    if (!parsed?.success) return submitChecked(event);
    event.preventDefault();
    openReview(parsed.data);
  };

  function confirm() {
    if (!review || inFlight.current) return;
    inFlight.current = true;
    const { values: submitted, basis, loadedAt, submissionId } = review;
    startTransition(async () => {
      try {
        const outcome = await actions.submitOperation({ values: submitted, basis, loadedAt, submissionId });
        if (outcome.ok) {
          if (outcome.kind === "done") show(outcome.application);
          setResult(outcome);
          setReview(null);
          setKind(null);
          const lines = outcome.kind === "done" ? orderView(outcome.application.order).lines : view.lines;
          form.reset(
            emptyOperationForm(
              id,
              lines.map((l) => l.key),
              "return",
            ),
          );
        } else {
          // Fresh data from the server (e.g. the order changed): the preview re-plans on it at once.
          if (outcome.application) show(outcome.application);
          if (outcome.failure.kind === "invalid") {
            for (const [path, codes] of Object.entries(outcome.failure.fieldErrors)) {
              form.setError(path as keyof OperationFormValues, { message: codes[0] });
            }
          }
          setResult(outcome);
          setReview(null);
        }
      } finally {
        inFlight.current = false;
        void refreshJournal();
      }
    });
  }

  const decide = useCallback(
    (operationId: string, decision: "approve" | "reject", note: string) => {
      setDeciding(operationId);
      startTransition(async () => {
        try {
          const outcome = await actions.decideApproval({ operationId, decision, note });
          if (outcome.ok && outcome.kind === "done") show(outcome.application);
          if (!outcome.ok && outcome.application) show(outcome.application);
          setResult(outcome);
        } finally {
          setDeciding(null);
          void refreshJournal();
        }
      });
    },
    [actions, show, refreshJournal],
  );

  const resolve = useCallback(
    (operationId: string, outcome: "applied" | "not_applied", note: string) => {
      setDeciding(operationId);
      startTransition(async () => {
        try {
          const answer = await actions.resolveOperation({ operationId, outcome, note });
          if (!answer.ok) setResult(answer);
        } finally {
          setDeciding(null);
          void refreshJournal();
        }
      });
    },
    [actions, refreshJournal],
  );

  async function checkAgain() {
    setChecking(true);
    setCheckFailed(false);
    try {
      const read = (await reread()) && (await refreshJournal());
      setCheckFailed(!read);
    } finally {
      setChecking(false);
    }
  }

  const everything = !!values?.everything;
  const selection = useMemo<Selection | null>(
    () => (kind && LINE_KINDS.has(kind) ? { kind: kind as Selection["kind"], everything } : null),
    [kind, everything],
  );
  const current = useMemo(
    () => ({
      applicationState: application.state,
      stateReason: application.stateReason,
      orderState: application.order.state,
    }),
    [application.state, application.stateReason, application.order.state],
  );
  // What the confirmation shows: the reviewed plan, or — while closed — the live one, which the dialog renders
  // hidden ahead of time, so "Review" only has to reveal it (the planner answers the same object for the same
  // values). The live plan is handed over once the browser is idle, after the preview has been painted.
  const livePlan = live?.ok ? live.plan : null;
  const [prepared, setPrepared] = useState<Plan | null>(null);
  useEffect(() => whenIdle(() => lowPriority(() => setPrepared(livePlan))), [livePlan]);
  const confirming = review?.plan ?? prepared;

  return (
    <FormProvider {...form}>
      <div className="space-y-5">
        <ApplicationHeader application={application} originalTotal={originalTotal} />

        <div aria-live="polite" className="space-y-3">
          {result && (
            // If its code cannot be fetched, say so — in place, without taking the rest of the page with it.
            <FallbackBoundary
              fallback={
                <Alert tone="warning" title={t("resultUnavailableTitle")}>
                  {t("resultUnavailable")}
                </Alert>
              }
            >
              <Suspense>
                <OperationResult
                  result={result}
                  onCheckAgain={checkAgain}
                  checking={checking || fresh.fetching}
                />
              </Suspense>
            </FallbackBoundary>
          )}
          {active && <ActiveOperation entry={active} onCheck={checkAgain} checking={checking} />}
          {unclear && <UnclearOperation entry={unclear} />}
          {checkFailed && <p className="text-sm font-medium text-red-800">{t("checkFailed")}</p>}
        </div>
        {result?.ok && result.kind === "done" && (
          <FallbackBoundary fallback={null}>
            <Suspense>
              <CustomerMessage plan={result.plan} application={result.application} />
            </Suspense>
          </FallbackBoundary>
        )}

        {sandbox && mayOperate && application.state === "PROCESSING" && (
          <SandboxDecision id={id} decide={actions.sandboxDecision} onDecided={show} />
        )}

        {mayOperate ? (
          <section aria-labelledby="operation-heading" className={cardClass}>
            <h2 id="operation-heading" className="sr-only">
              {t("operationHeading")}
            </h2>
            <OperationChooser value={kind} onChange={choose} available={available} />
          </section>
        ) : (
          <Alert tone="info" title={t("viewOnlyTitle")}>
            {t("viewOnlyBody")}
          </Alert>
        )}

        <form
          onSubmit={onReview}
          noValidate
          className="grid items-start gap-5 lg:grid-cols-[minmax(0,1fr)_20rem]"
        >
          <section aria-labelledby="items-heading" className="min-w-0 space-y-3">
            <div className="flex flex-wrap items-end justify-between gap-3">
              <h2 id="items-heading" className="text-lg font-semibold text-slate-900">
                {t("itemsHeading", { count: view.lines.length })}
              </h2>
              <label className="w-full max-w-xs text-sm">
                <span className="sr-only">{t("filterLabel")}</span>
                <input
                  type="search"
                  value={filter}
                  onChange={(e) => setFilter(e.target.value)}
                  placeholder={t("filterPlaceholder")}
                  className={inputClass}
                />
              </label>
            </div>
            {kind && (
              <a
                href="#review-panel"
                className="sr-only focus:not-sr-only focus:inline-block focus:rounded-md focus:bg-white focus:px-3 focus:py-1.5 focus:text-sm focus:font-medium"
              >
                {t("skipToReview")}
              </a>
            )}
            <ItemsTable
              lines={view.lines}
              selection={selection}
              filter={filter}
              lineIssues={lineIssues}
              invalidLines={invalidLines}
              fields={lineFields}
            />
          </section>

          {/* Sticky beside long orders; taller than the window, it scrolls on its own so the review button stays
              reachable (a sticky box taller than the viewport would hide its end until the list's end). */}
          <div className="space-y-5 lg:sticky lg:top-4 lg:max-h-[calc(100dvh-2rem)] lg:overflow-y-auto lg:overscroll-contain">
            {mayOperate && (
              <aside id="review-panel" aria-labelledby="panel-heading" className={cardClass}>
                <h2 id="panel-heading" className="text-base font-semibold text-slate-900">
                  {kind ? t(`panelHeading.${kind}`) : t("panelHeadingNone")}
                </h2>
                {!kind ? (
                  <p className="mt-2 text-sm text-slate-600">{t("chooseFirst")}</p>
                ) : (
                  <div className="mt-4 space-y-4">
                    <OperationFields
                      kind={kind}
                      view={view}
                      needsVariableSymbol={needsVariableSymbol(application.order)}
                      issues={fieldIssues}
                    />
                    <div className="space-y-3 border-t border-slate-200 pt-4" aria-live="polite">
                      {live?.ok ? (
                        <>
                          <PlanMoney plan={live.plan} />
                          <PlanStates plan={live.plan} current={current} />
                          {overLimit(live.plan) && (
                            <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950">
                              {limitText}
                            </p>
                          )}
                        </>
                      ) : formIssues.length > 0 ? (
                        <PlanIssues issues={formIssues} />
                      ) : (
                        <p className="text-sm text-slate-500">{t(selection ? "chooseItems" : "fillIn")}</p>
                      )}
                      {/* The schema's "nothing chosen" is an error of the whole list: react-hook-form keeps it as
                          the array's root error. */}
                      {(form.formState.errors.lines?.root ?? form.formState.errors.lines)?.message && (
                        <p className="text-sm font-medium text-red-700">{t("nothingChosen")}</p>
                      )}
                    </div>
                    <Button type="submit" variant="primary" className="w-full">
                      {t(`review.${kind}`)}
                    </Button>
                  </div>
                )}
              </aside>
            )}
          </div>
        </form>

        <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <Timeline
            entries={entries}
            staffId={staff.id}
            canApprove={can(staff.role, "approve")}
            onDecide={decide}
            deciding={deciding}
            onResolve={resolve}
            lineNames={lineNames}
          />
          <MoneyLedger ledger={money} />
        </div>
      </div>

      <Dialog
        open={!!review}
        onClose={() => !pending && setReview(null)}
        labelledBy="confirm-heading"
        initialFocus="confirm-back"
      >
        {confirming && (
          <div className="p-6">
            <h2 id="confirm-heading" className="text-lg font-semibold text-slate-900">
              {t(`confirm.heading.${confirming.intent}`)}
            </h2>
            <p className="mt-1 text-sm text-slate-600">
              {t("confirm.lead", { number: application.order.number })}
            </p>
            <div className="mt-4">
              <PlanDetails plan={confirming} current={current} applicationId={id} />
            </div>
            {overLimit(confirming) && (
              <Alert tone="warning" title={t("needsApprovalTitle")} className="mt-4">
                {limitText}
              </Alert>
            )}
            <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <Button id="confirm-back" onClick={() => setReview(null)} disabled={pending}>
                {t("confirm.back")}
              </Button>
              <Button
                variant={
                  confirming.intent === "cancel-application" || confirming.intent === "cancel-all"
                    ? "danger"
                    : "primary"
                }
                onClick={confirm}
                pending={pending}
              >
                {pending
                  ? t("confirm.sending")
                  : overLimit(confirming)
                    ? t("confirm.requestApproval", { refund: formatMoney(confirming.refund, locale) })
                    : t(`confirm.go.${confirming.intent}`, {
                        count: confirming.changes.reduce((n, c) => n + c.quantity, 0) / 1000,
                        refund: formatMoney(confirming.refund, locale),
                      })}
              </Button>
            </div>
          </div>
        )}
      </Dialog>
    </FormProvider>
  );
}

function SandboxDecision({
  id,
  decide,
  onDecided,
}: {
  id: string;
  decide: Actions["sandboxDecision"];
  onDecided: (app: ApplicationResponse) => void;
}) {
  const t = useTranslations("sandbox");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState(false);
  const run = (decision: "approve" | "reject") =>
    startTransition(async () => {
      const result = await decide({ applicationId: id, decision });
      setError(!result.ok);
      if (result.ok) onDecided(result.application);
    });
  return (
    <Alert tone="info" title={t("title")}>
      <p>{t("explain")}</p>
      <div className="mt-2 flex gap-2">
        <Button size="sm" variant="primary" onClick={() => run("approve")} pending={pending}>
          {t("approve")}
        </Button>
        <Button size="sm" onClick={() => run("reject")} disabled={pending}>
          {t("reject")}
        </Button>
      </div>
      {error && <p className="font-medium text-red-700">{t("failed")}</p>}
    </Alert>
  );
}
