import { useTranslations } from "next-intl";
import { Button } from "../ui/button";

/**
 * Who is signed in, and signing out. A plain form (app/api/session/sign-out): it works before the page is
 * interactive, and needs no script of its own.
 */
export function StaffMenu({ name, role }: { name: string; role: string }) {
  const t = useTranslations("nav");
  const tRoles = useTranslations("roles");
  return (
    <div className="flex items-center gap-2 text-sm">
      <span className="text-right leading-tight">
        <span className="block font-medium text-slate-800">{name}</span>
        <span className="block text-xs text-slate-500">{tRoles(role as "viewer")}</span>
      </span>
      <form method="post" action="/api/session/sign-out">
        <Button type="submit" size="sm" variant="ghost">
          {t("signOut")}
        </Button>
      </form>
    </div>
  );
}
