import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AppHeader } from "@/components/layout/app-header";
import { ClientMessages } from "@/components/layout/client-messages";
import { DecisionNotice, type NoticeDecision } from "@/components/layout/decision-notice";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { StaffMenu } from "@/components/layout/staff-menu";
import { Providers } from "@/components/providers";
import { can, reportAccess } from "@/lib/auth/roles";
import { currentStaff } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { getOperations } from "@/lib/operations/server";
import { decisionsSeen, setLocale } from "./actions";
import "../globals.css";

export const metadata: Metadata = {
  title: { default: "Skip Pay Orders", template: "%s · Skip Pay Orders" },
  description: "Cancel, return and refund Skip Pay financed orders.",
};

export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  const locale = await getLocale();
  const t = await getTranslations("nav");
  const environment = config().skippay.mode;
  const staff = await currentStaff();
  const operations = staff ? await getOperations() : null;
  // Agents ask for approvals; supervisors and admins decide on them.
  const asks = !!staff && can(staff.role, "operate") && !can(staff.role, "operate_without_limit");
  const waiting = staff && operations && can(staff.role, "approve") ? await operations.pendingCount() : 0;
  // Decisions on this agent's requests since they last looked: the notice marks them seen once on screen.
  const decisions: NoticeDecision[] = (
    asks && staff && operations ? await operations.unseenDecisions(staff.id) : []
  ).map((e) => ({
    id: e.id,
    applicationId: e.applicationId,
    orderNumber: e.orderNumber,
    intent: e.intent,
    refund: e.refund,
    status: e.status,
    decidedByName: e.decidedByName,
    decidedAt: e.decidedAt,
    decisionNote: e.decisionNote,
  }));
  const nav = staff
    ? [
        { href: "/applications", label: t("applications") },
        ...(asks ? [{ href: "/requests", label: t("requests") }] : []),
        ...(can(staff.role, "approve")
          ? [
              {
                href: "/approvals",
                label: t("approvals"),
                badge: { count: waiting, name: t("approvalsPending", { count: waiting }) },
              },
            ]
          : []),
        ...(reportAccess(staff.role) ? [{ href: "/reports", label: t("reports") }] : []),
        ...(can(staff.role, "manage_users") ? [{ href: "/staff", label: t("staff") }] : []),
        // The sandbox's e-mails (its embedded SMTP server): nothing to show against a real mail server.
        ...(config().mail.kind === "sandbox" ? [{ href: "/outbox", label: t("outbox") }] : []),
      ]
    : [];
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50"
        >
          {t("skipToMain")}
        </a>
        <ClientMessages>
          <AppHeader
            environment={environment}
            environmentLabel={t(environment === "sandbox" ? "sandbox" : "live")}
            environmentShort={t(environment === "sandbox" ? "sandboxShort" : "liveShort")}
            nav={nav}
            navLabel={t("main")}
            menuLabel={t("menu")}
          >
            <LanguageSwitch setLocale={setLocale} />
            {staff && <StaffMenu name={staff.name} role={staff.role} />}
          </AppHeader>
          <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
            {decisions.length > 0 && <DecisionNotice decisions={decisions} markSeen={decisionsSeen} />}
            <Providers>{children}</Providers>
          </main>
        </ClientMessages>
      </body>
    </html>
  );
}
