"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { Button } from "../ui/button";

/** Who is signed in, and signing out (better-auth's endpoint clears the session and its cookie). */
export function StaffMenu({ name, role }: { name: string; role: string }) {
  const t = useTranslations("nav");
  const tRoles = useTranslations("roles");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex items-center gap-2 text-sm">
      <span className="text-right leading-tight">
        <span className="block font-medium text-slate-800">{name}</span>
        <span className="block text-xs text-slate-500">{tRoles(role as "viewer")}</span>
      </span>
      <Button
        size="sm"
        variant="ghost"
        pending={pending}
        onClick={() =>
          startTransition(async () => {
            await fetch("/api/auth/sign-out", {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: "{}",
            });
            router.replace("/login");
            router.refresh();
          })
        }
      >
        {t("signOut")}
      </Button>
    </div>
  );
}
