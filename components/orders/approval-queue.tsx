"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { formatMoment } from "@/lib/i18n/format";
import type { JournalEntry } from "@/lib/operations/types";
import { factsOf } from "@/lib/orders/customer-message";
import { formatMoney, type Locale } from "@/lib/orders/money";
import type { ApprovalResult as Decision } from "@/lib/orders/outcome";
import { Button } from "../ui/button";
import { CustomerMessage } from "./customer-message";
import { OperationResult as ResultView } from "./operation-result";

/** Requests waiting for approval. Approving runs the operation on the order as Skip Pay has it now. */
export function ApprovalQueue({
  entries,
  staffId,
  decide,
}: {
  entries: JournalEntry[];
  staffId: string;
  decide: (input: unknown) => Promise<Decision>;
}) {
  const t = useTranslations("approvals");
  const tIntent = useTranslations("intents");
  const tReason = useTranslations("reasons");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Decision | null>(null);

  const run = (operationId: string, decision: "approve" | "reject") => {
    setBusyId(operationId);
    startTransition(async () => {
      setOutcome(await decide({ operationId, decision, note: "" }));
      setBusyId(null);
      router.refresh();
    });
  };

  return (
    <div className="space-y-4">
      <div aria-live="polite">
        {outcome && (
          <ResultView
            result={outcome}
            entry={null}
            leaseMs={0}
            onCheck={async () => {
              router.refresh();
              return true;
            }}
            checking={pending}
          />
        )}
      </div>
      {outcome?.ok && outcome.kind === "done" && (
        // An approved refund ran on a READY application.
        <CustomerMessage facts={factsOf(outcome.plan, outcome.application, "READY")} />
      )}
      {entries.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-10 text-center text-sm text-slate-600">
          {t("empty")}
        </p>
      ) : (
        <ul className="space-y-3">
          {entries.map((e) => (
            <li key={e.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <Link
                  href={`/applications/${e.applicationId}`}
                  className="font-semibold text-brand-700 hover:underline"
                >
                  {e.orderNumber ?? e.applicationId}
                </Link>
                <span className="font-medium">{tIntent(e.intent)}</span>
                <span className="tabular-nums">{formatMoney(e.refund, locale)}</span>
                <span className="ml-auto text-xs text-slate-500">
                  {formatMoment(new Date(e.createdAt), locale)}
                </span>
              </div>
              <p className="mt-1 text-sm text-slate-700">
                {t("requestedBy", { name: e.actorName })}
                {e.reason && <> · {tReason(e.reason as "other")}</>}
                {e.note && <span className="block italic text-slate-600">“{e.note}”</span>}
              </p>
              {e.actorId === staffId ? (
                <p className="mt-2 text-xs text-slate-600">{t("own")}</p>
              ) : (
                <div className="mt-3 flex gap-2">
                  <Button
                    size="sm"
                    variant="primary"
                    pending={busyId === e.id}
                    disabled={pending}
                    onClick={() => run(e.id, "approve")}
                  >
                    {t("approve", { order: e.orderNumber ?? e.applicationId })}
                  </Button>
                  <Button size="sm" disabled={pending} onClick={() => run(e.id, "reject")}>
                    {t("reject", { order: e.orderNumber ?? e.applicationId })}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
