import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { ClientMessages } from "@/components/layout/client-messages";
import { safeReturnTo } from "@/lib/auth/return-to";
import { currentStaff } from "@/lib/auth/session";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/auth/users";
import { config } from "@/lib/config";
import { afterSignIn } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const { next } = await searchParams;
  const returnTo = safeReturnTo(Array.isArray(next) ? next[0] : next);
  if (await currentStaff()) redirect(returnTo);
  const sandbox = config().skippay.mode === "sandbox";
  const roles = await getTranslations("roles");
  return (
    <ClientMessages part="login">
      <LoginForm
        returnTo={returnTo}
        afterSignIn={afterSignIn}
        demo={
          sandbox
            ? {
                password: DEMO_PASSWORD,
                users: DEMO_USERS.map((u) => ({ email: u.email, role: roles(u.role) })),
              }
            : null
        }
      />
    </ClientMessages>
  );
}
