"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ApprovalCard as Card } from "@/lib/operations/types";
import { factsOf } from "@/lib/orders/customer-message";
import type { ApprovalResult as Decision } from "@/lib/orders/outcome";
import { ApprovalCard } from "./approval-card";
import { CustomerMessage } from "./customer-message";
import { type DecidedEntry, DecisionConfirmation } from "./decision-confirmation";
import { OperationResult as ResultView } from "./operation-result";

/**
 * Requests waiting for approval. Approving runs the operation on the order as Skip Pay has it now. A decision is
 * confirmed through the URL (`?decided=<id>`, read back by the page as `decided`), so the confirmation outlives a
 * reload or a language switch; the full outcome below it is for the moment it was made.
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
  const [outcome, setOutcome] = useState<Decision | null>(null);

  const run = (operationId: string, decision: "approve" | "reject", note: string) => {
    setBusyId(operationId);
    startTransition(async () => {
      const result = await decide({ operationId, decision, note });
      setOutcome(result);
      setBusyId(null);
      // The action has drawn the page again (the queue, the header's count); a decision is also confirmed in the URL.
      if (result.ok)
        router.replace(`/approvals?decided=${encodeURIComponent(operationId)}`, { scroll: false });
    });
  };
  const dismiss = () => {
    setOutcome(null);
    router.replace("/approvals", { scroll: false });
  };

  return (
    <div className="space-y-4">
      {decided && <DecisionConfirmation entry={decided} onDismiss={dismiss} />}
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
              onDecide={(decision, note) => run(card.entry.id, decision, note)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
