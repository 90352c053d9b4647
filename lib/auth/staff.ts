// Who a request's session belongs to: the one lookup behind pages, actions (lib/auth/session.ts) and the server
// action guard in proxy.ts (lib/auth/action-guard.ts). Server-only.
import "server-only";
import { isLocale } from "@/lib/i18n/config";
import type { Locale } from "@/lib/orders/money";
import { getAuth } from "./auth";
import { isRole, type Role } from "./roles";

export interface Staff {
  id: string;
  name: string;
  email: string;
  role: Role;
  locale: Locale | null;
}

/**
 * The signed-in staff member, or null (no session, expired, disabled account or unknown role). `renew: false`
 * reads without extending the session: for a caller that cannot send the renewed cookie back (the proxy).
 */
export async function staffFromHeaders(
  headers: Headers,
  options: { renew?: boolean } = {},
): Promise<Staff | null> {
  const auth = await getAuth();
  const result = await auth.api.getSession({
    headers,
    ...(options.renew === false ? { query: { disableRefresh: true } } : {}),
  });
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
}
