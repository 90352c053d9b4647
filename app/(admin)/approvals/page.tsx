import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { ApprovalQueue } from "@/components/orders/approval-queue";
import { requirePageStaff } from "@/lib/auth/session";
import { getOperations } from "@/lib/operations/server";
import { decideApproval } from "../applications/[applicationId]/actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("approvals");
  return { title: t("title") };
}

/** Supervisors: every request waiting for a second pair of eyes, and the decision they just made (?decided=). */
export default async function ApprovalsPage({ searchParams }: PageProps<"/approvals">) {
  const staff = await requirePageStaff("approve", "/approvals");
  const t = await getTranslations("approvals");
  const operations = await getOperations();
  const cards = await operations.approvalQueue();
  const id = (await searchParams).decided;
  const entry =
    typeof id === "string" && id.length > 0 && id.length <= 64
      ? await operations.decisionBy(staff.id, id)
      : null;
  const decided = entry && {
    id: entry.id,
    applicationId: entry.applicationId,
    orderNumber: entry.orderNumber,
    intent: entry.intent,
    refund: entry.refund,
    status: entry.status,
    actorName: entry.actorName,
  };
  return (
    <ClientMessages part="approvals">
      <div className="space-y-5">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
        </div>
        <ApprovalQueue cards={cards} staffId={staff.id} decide={decideApproval} decided={decided} />
      </div>
    </ClientMessages>
  );
}
