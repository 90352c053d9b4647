import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { StaffManager } from "@/components/staff/staff-manager";
import { requirePageStaff } from "@/lib/auth/session";
import { listStaff } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { changeStaff, createStaff } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffPage");
  return { title: t("title") };
}

export default async function StaffPage() {
  const me = await requirePageStaff("manage_users", "/staff");
  const t = await getTranslations("staffPage");
  const people = await listStaff(await getDb());
  return (
    <ClientMessages part="staff">
      <div className="space-y-5">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
        </div>
        <StaffManager
          people={people.map((p) => ({ ...p, createdAt: p.createdAt.toISOString() }))}
          meId={me.id}
          actions={{ createStaff, changeStaff }}
        />
      </div>
    </ClientMessages>
  );
}
