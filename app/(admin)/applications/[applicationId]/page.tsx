import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OrderWorkspace } from "@/components/orders/order-workspace";
import { Alert } from "@/components/ui/alert";
import { requirePageStaff } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { getOperations } from "@/lib/operations/server";
import { decideApproval, resolveOperation, sandboxDecision, submitOperation } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ applicationId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { applicationId } = await params;
  const t = await getTranslations("application");
  return { title: t("metaTitle", { id: applicationId }) };
}

export default async function ApplicationPage({ params }: Props) {
  const { applicationId } = await params;
  const staff = await requirePageStaff("view", `/applications/${applicationId}`);
  const t = await getTranslations("application");
  const operations = await getOperations();
  // What the page shows is at least this fresh: the browser reads it again once it is older than a few seconds,
  // and the stale-page guard names the operations finished since.
  const readAt = Date.now();
  const result = await operations.readApplication(applicationId);
  if (!result.ok && result.error.kind === "not_found") notFound();
  if (result.ok) await operations.reconcile(applicationId, result.value);
  // Read after reconciling, which may have just settled an operation; the page polls it from here on.
  const journal = result.ok ? await operations.entries(applicationId) : [];
  return (
    <div className="space-y-4">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href="/applications" className="text-brand-700 hover:underline">
          ← {t("back")}
        </Link>
      </nav>
      {result.ok ? (
        <OrderWorkspace
          initial={result.value}
          initialJournal={journal}
          readAt={readAt}
          sandbox={config().skippay.mode === "sandbox"}
          staff={{ id: staff.id, name: staff.name, role: staff.role }}
          approvalLimit={config().staff.approvalLimit}
          actions={{ submitOperation, decideApproval, resolveOperation, sandboxDecision }}
        />
      ) : (
        <Alert tone="error" title={t("loadFailed")}>
          <p>{t("loadFailedBody", { kind: result.error.kind })}</p>
        </Alert>
      )}
    </div>
  );
}
