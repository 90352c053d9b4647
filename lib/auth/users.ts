// Staff accounts: created by an admin (or at first run: demo users in the sandbox, the configured admin in
// production — never with a default password). Server-only.
import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import type { Auth } from "./auth";
import type { Role } from "./roles";

export interface NewStaff {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export async function createStaffUser(auth: Auth, staff: NewStaff): Promise<string> {
  const ctx = await auth.$context;
  const email = staff.email.trim().toLowerCase();
  if (await ctx.internalAdapter.findUserByEmail(email))
    throw new Error(`a staff account for ${email} already exists`);
  const user = await ctx.internalAdapter.createUser(
    { email, name: staff.name.trim(), role: staff.role, emailVerified: true },
    { method: "admin" },
  );
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: await ctx.password.hash(staff.password),
  });
  return user.id;
}

export async function listStaff(db: Db) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      disabled: users.disabled,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.name));
}

export async function setRole(db: Db, userId: string, role: Role): Promise<void> {
  await db.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId));
}

/** Disabling signs the person out everywhere at once. */
export async function setDisabled(auth: Auth, db: Db, userId: string, disabled: boolean): Promise<void> {
  await db.update(users).set({ disabled, updatedAt: new Date() }).where(eq(users.id, userId));
  if (disabled) await (await auth.$context).internalAdapter.deleteUserSessions(userId);
}

export async function setPassword(auth: Auth, userId: string, password: string): Promise<void> {
  const ctx = await auth.$context;
  await ctx.internalAdapter.updatePassword(userId, await ctx.password.hash(password));
  await ctx.internalAdapter.deleteUserSessions(userId);
}

export async function setLocale(db: Db, userId: string, locale: string): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

/** Sandbox only: one demo account per role (documented in the README), created when there is no account yet. */
export const DEMO_PASSWORD = "demo-password";
export const DEMO_USERS: Omit<NewStaff, "password">[] = [
  { email: "viewer@demo.cz", name: "Věra Pokorná", role: "viewer" },
  { email: "agent@demo.cz", name: "Alena Králová", role: "agent" },
  { email: "agent2@demo.cz", name: "Bohdan Říha", role: "agent" },
  { email: "supervisor@demo.cz", name: "Simona Dušková", role: "supervisor" },
  { email: "supervisor2@demo.cz", name: "Stanislav Beneš", role: "supervisor" },
  { email: "admin@demo.cz", name: "Adam Marek", role: "admin" },
];

export async function seedDemoUsers(auth: Auth, db: Db): Promise<number> {
  const [any] = await db.select({ id: users.id }).from(users).limit(1);
  if (any) return 0;
  for (const user of DEMO_USERS) await createStaffUser(auth, { ...user, password: DEMO_PASSWORD });
  return DEMO_USERS.length;
}

/** Production: the admin from ADMIN_EMAIL / ADMIN_PASSWORD, when no admin exists yet. */
export async function ensureAdmin(
  auth: Auth,
  db: Db,
  admin: { email: string; password: string; name: string },
): Promise<boolean> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.role, "admin")).limit(1);
  if (existing) return false;
  await createStaffUser(auth, { ...admin, role: "admin" });
  return true;
}
