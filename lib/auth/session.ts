// Who is signed in, checked on the server for every page, route handler and server action. Server-only.
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { isLocale } from "@/lib/i18n/config";
import type { Locale } from "@/lib/orders/money";
import { getAuth } from "./auth";
import { safeReturnTo } from "./return-to";
import { can, isRole, type Permission, type Role } from "./roles";

export interface Staff {
  id: string;
  name: string;
  email: string;
  role: Role;
  locale: Locale | null;
}

/**
 * The signed-in staff member, or null (no session, expired, disabled account or unknown role). Looked up once per
 * request: the layout, the page and its metadata share the answer (React's per-request `cache`).
 */
export const currentStaff = cache(async function currentStaff(): Promise<Staff | null> {
  const auth = await getAuth();
  const result = await auth.api.getSession({ headers: await headers() });
  if (!result) return null;
  const user = result.user as typeof result.user & { role?: unknown; locale?: unknown; disabled?: unknown };
  if (user.disabled === true || !isRole(user.role)) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    locale: isLocale(user.locale) ? user.locale : null,
  };
});

export type Authorization =
  | { ok: true; staff: Staff }
  | { ok: false; reason: "unauthenticated" | "forbidden" };

/** For route handlers and server actions: who is asking, and may they? */
export async function authorize(permission: Permission): Promise<Authorization> {
  const staff = await currentStaff();
  if (!staff) return { ok: false, reason: "unauthenticated" };
  if (!can(staff.role, permission)) return { ok: false, reason: "forbidden" };
  return { ok: true, staff };
}

/** JSON answer of a route handler that refused the caller. */
export function refusal(reason: "unauthenticated" | "forbidden"): Response {
  return Response.json({ error: reason }, { status: reason === "unauthenticated" ? 401 : 403 });
}

/** For pages: the signed-in staff member, or off to the sign-in page (and back afterwards). */
export async function requirePageStaff(permission: Permission, returnTo: string): Promise<Staff> {
  const staff = await currentStaff();
  if (!staff) redirect(`/login?next=${encodeURIComponent(safeReturnTo(returnTo))}`);
  if (!can(staff.role, permission)) redirect("/forbidden");
  return staff;
}
