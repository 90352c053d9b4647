"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ApprovalCard as Card } from "@/lib/operations/types";
import { factsOf } from "@/lib/orders/customer-message";
import type { ApprovalResult as Decision } from "@/lib/orders/outcome";
import { Button } from "../ui/button";
import { ApprovalCard } from "./approval-card";
import { CustomerMessage } from "./customer-message";
import { type DecidedEntry, DecisionConfirmation } from "./decision-confirmation";
import { OperationResult as ResultView } from "./operation-result";

/**
 * Requests waiting for approval. Approving runs the operation on the order as Skip Pay has it now. A decision is
 * confirmed through the URL (`?decided=<id>`, read back by the page as `decided`), so the confirmation outlives a
 * reload or a language switch. Each decision is said once: while an approval's full outcome (states, customer
 * message, a failure) is on screen, the one-line confirmation waits for a reload; a rejection has only that line.
 */
export function ApprovalQueue({
  cards,
  staffId,
  decide,
  decided,
}: {
  cards: Card[];
  staffId: string;
  decide: (input: unknown) => Promise<Decision>;
  /** The decision the URL names, when this supervisor made it lately. */
  decided: DecidedEntry | null;
}) {
  const t = useTranslations("approvals");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [live, setLive] = useState<{
    id: string;
    applicationId: string;
    number: string;
    result: Decision;
  } | null>(null);
  // A rejection's outcome says less than its confirmation line (what, on which order, for whom).
  const shown = live && !(live.result.ok && live.result.kind === "rejected") ? live : null;
  const outcome = shown?.result ?? null;

  const run = (card: Card, decision: "approve" | "reject", note: string) => {
    const operationId = card.entry.id;
    setBusyId(operationId);
    startTransition(async () => {
      const result = await decide({ operationId, decision, note });
      const { applicationId, orderNumber } = card.entry;
      setLive({ id: operationId, applicationId, number: orderNumber ?? applicationId, result });
      setBusyId(null);
      // The action has drawn the page again (the queue, the header's count); a decision is also confirmed in the URL.
      if (result.ok)
        router.replace(`/approvals?decided=${encodeURIComponent(operationId)}`, { scroll: false });
    });
  };
  const dismiss = () => {
    setLive(null);
    router.replace("/approvals", { scroll: false });
  };

  return (
    <div className="space-y-4">
      {/* The URL's line, unless the decision on screen is another one (the URL catches up a moment later). */}
      {decided && decided.id !== shown?.id && (!live || live.id === decided.id) && (
        <DecisionConfirmation entry={decided} onDismiss={dismiss} focus={decided.id === live?.id} />
      )}
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
      {shown && (
        <p className="-mt-2 flex items-center gap-3 text-sm">
          <Link href={`/applications/${shown.applicationId}`} className="font-medium text-sky-800 underline">
            {t("openOrderNumber", { number: shown.number })}
          </Link>
          <Button size="sm" variant="ghost" onClick={dismiss}>
            {t("dismiss")}
          </Button>
        </p>
      )}
      {outcome?.ok && outcome.kind === "done" && (
        // An approved refund ran on a READY application.
        <CustomerMessage facts={factsOf(outcome.plan, outcome.application, "READY")} />
      )}
      {cards.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-10 text-center text-sm text-slate-600">
          {t("empty")}
        </p>
      ) : (
        <ul className="space-y-3">
          {cards.map((card) => (
            <ApprovalCard
              key={card.entry.id}
              card={card}
              staffId={staffId}
              busy={busyId === card.entry.id}
              onDecide={(decision, note) => run(card, decision, note)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
