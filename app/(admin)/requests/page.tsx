import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { MyRequests } from "@/components/orders/my-requests";
import { requirePageStaff } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { getOperations } from "@/lib/operations/server";
import { withdrawRequest } from "../applications/[applicationId]/actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("requests");
  return { title: t("title") };
}

/** Agents: their requests for approval — waiting, decided (who, when, why) or sent back to confirm again. */
export default async function RequestsPage() {
  const staff = await requirePageStaff("operate", "/requests");
  const t = await getTranslations("requests");
  const entries = await (await getOperations()).requestsOf(staff.id);
  return (
    <ClientMessages part="requests">
      <div className="space-y-5">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
        </div>
        <MyRequests entries={entries} limit={config().staff.approvalLimit} withdraw={withdrawRequest} />
      </div>
    </ClientMessages>
  );
}
