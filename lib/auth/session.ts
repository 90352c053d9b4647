// Who is signed in, checked on the server for every page, route handler and server action. Server-only.
import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { safeReturnTo } from "./return-to";
import { can, type Permission, type ReportAccess, reportAccess } from "./roles";
import { type Staff, staffFromHeaders } from "./staff";

export type { Staff };

/**
 * The signed-in staff member, or null (no session, expired, disabled account or unknown role). Looked up once per
 * request: the layout, the page and its metadata share the answer (React's per-request `cache`).
 */
export const currentStaff = cache(async function currentStaff(): Promise<Staff | null> {
  return staffFromHeaders(await headers());
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
  if (!can(staff.role, permission)) forbidden();
  return staff;
}

/** For /reports: the signed-in staff member and what they may do there, or sign-in / the refusal page. */
export async function requireReportStaff(
  returnTo: string,
): Promise<{ staff: Staff; access: Exclude<ReportAccess, null> }> {
  const staff = await currentStaff();
  if (!staff) redirect(`/login?next=${encodeURIComponent(safeReturnTo(returnTo))}`);
  const access = reportAccess(staff.role);
  if (!access) forbidden();
  return { staff, access };
}
