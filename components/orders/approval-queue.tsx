"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ApprovalCard as Card } from "@/lib/operations/types";
import { factsOf } from "@/lib/orders/customer-message";
import type { ApprovalResult as Decision } from "@/lib/orders/outcome";
import { ApprovalCard } from "./approval-card";
import { CustomerMessage } from "./customer-message";
import { OperationResult as ResultView } from "./operation-result";

/** Requests waiting for approval. Approving runs the operation on the order as Skip Pay has it now. */
export function ApprovalQueue({
  cards,
  staffId,
  decide,
}: {
  cards: Card[];
  staffId: string;
  decide: (input: unknown) => Promise<Decision>;
}) {
  const t = useTranslations("approvals");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Decision | null>(null);

  const run = (operationId: string, decision: "approve" | "reject", note: string) => {
    setBusyId(operationId);
    startTransition(async () => {
      setOutcome(await decide({ operationId, decision, note }));
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
