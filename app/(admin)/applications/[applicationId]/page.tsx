import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { after } from "next/server";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { OrderBreadcrumb } from "@/components/orders/order-breadcrumb";
import { type KnownApplication, OrderUnavailable } from "@/components/orders/order-unavailable";
import { OrderWorkspace } from "@/components/orders/workspace";
import { forBrowser } from "@/lib/applications/for-browser";
import { readPayouts } from "@/lib/applications/payouts";
import { requirePageStaff } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { findIndexed } from "@/lib/db/applications";
import { getDb } from "@/lib/db/client";
import { customerEmails } from "@/lib/mail/notify";
import { getOperations } from "@/lib/operations/server";
import { skippay } from "@/lib/skippay/client";
import type { ApplicationState, StateReason } from "@/lib/skippay/schemas";
import {
  checkDrift,
  decideApproval,
  notifyCustomer,
  resolveOperation,
  sandboxDecision,
  submitOperation,
} from "./actions";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ applicationId: string }>;
  searchParams: Promise<{ replan?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { applicationId } = await params;
  const t = await getTranslations("application");
  return { title: t("metaTitle", { id: applicationId }) };
}

/** What the index last recorded of the application, for when Skip Pay cannot be read. */
async function known(id: string): Promise<KnownApplication | null> {
  const row = await findIndexed(await getDb(), id);
  if (!row || row.id !== id) return null;
  return {
    orderNumber: row.orderNumber,
    customerName: row.customerName,
    state: row.state as ApplicationState,
    stateReason: row.stateReason as StateReason,
    totalAmount: row.totalAmount,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export default async function ApplicationPage({ params, searchParams }: Props) {
  const { applicationId } = await params;
  // "Plan again" from My requests: the request sent back to this agent opens as its form.
  const { replan } = await searchParams;
  const staff = await requirePageStaff("view", `/applications/${applicationId}`);
  const t = await getTranslations("application");
  const operations = await getOperations();
  // What the page shows is at least this fresh: the stale-page guard names the operations finished since.
  const readAt = Date.now();
  // Rendering writes nothing: the index takes the answer, and an unclear operation is settled, after the response.
  const result = await operations.readApplication(applicationId, after);
  if (!result.ok && result.error.kind === "not_found") notFound();
  const cfg = config();
  // With the order: its journal, notes, e-mails and payouts, side by side. When Skip Pay cannot list the payouts
  // the page still works and says so.
  const [journal, notes, emails, payouts] = result.ok
    ? await Promise.all([
        operations.operationsOf(applicationId),
        operations.notes(applicationId),
        getDb().then((db) => customerEmails(db, applicationId)),
        readPayouts(skippay(), applicationId),
      ])
    : [null, null, null, null];
  // The journal just read says which operation holds the lock: settling needs no second look.
  if (result.ok) after(() => operations.reconcile(applicationId, result.value, journal?.active ?? null));
  return (
    <ClientMessages part="order">
      <div className="space-y-4">
        <OrderBreadcrumb label={t("breadcrumb")} back={t("back")} />
        {result.ok ? (
          <OrderWorkspace
            initial={forBrowser(result.value)}
            initialJournal={{ entries: journal?.entries ?? [], notes: notes ?? [], emails: emails ?? [] }}
            initialPayouts={payouts ?? { ok: false, error: "unavailable" }}
            readAt={readAt}
            sandbox={cfg.skippay.mode === "sandbox"}
            staff={{ id: staff.id, name: staff.name, role: staff.role }}
            approvalLimit={cfg.staff.approvalLimit}
            leaseMs={cfg.operationLeaseMs}
            replan={typeof replan === "string" ? replan : null}
            mailOn={cfg.mail.kind !== "off"}
            actions={{
              submitOperation,
              decideApproval,
              resolveOperation,
              checkDrift,
              sandboxDecision,
              notifyCustomer,
            }}
          />
        ) : (
          <OrderUnavailable
            applicationId={applicationId}
            error={result.error.kind}
            known={await known(applicationId)}
          />
        )}
      </div>
    </ClientMessages>
  );
}
