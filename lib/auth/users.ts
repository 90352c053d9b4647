// Staff accounts: created by an admin (or at first run: demo users in the sandbox, the configured admin in
// production — never with a default password). Server-only.
import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { remoteHistory } from "@/lib/db/history";
import { accounts, users } from "@/lib/db/schema";
import type { Auth } from "./auth";
import type { Role } from "./roles";

export interface NewStaff {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export class StaffExistsError extends Error {
  constructor(readonly email: string) {
    super(`a staff account for ${email} already exists`);
    this.name = "StaffExistsError";
  }
}

type Context = Awaited<Auth["$context"]>;

function newId(ctx: Context, model: "user" | "account"): string {
  return ctx.generateId({ model }) || randomUUID();
}

/** The person's password as better-auth keeps it: one "credential" account per user (a unique index). */
function credential(ctx: Context, userId: string, hash: string) {
  return { id: newId(ctx, "account"), accountId: userId, providerId: "credential", userId, password: hash };
}

/**
 * Creates accounts, each with its password, all or none: one transaction, so a crash cannot leave a person who
 * exists but cannot sign in. Throws StaffExistsError when an e-mail is taken (nothing is created then).
 */
export async function createStaffUsers(auth: Auth, db: Db, staff: NewStaff[]): Promise<string[]> {
  const ctx = await auth.$context;
  // Hashing (scrypt) takes a while: done before the transaction, which then holds its locks only briefly.
  const rows = await Promise.all(
    staff.map(async (s) => ({
      id: newId(ctx, "user"),
      email: s.email.trim().toLowerCase(),
      name: s.name.trim(),
      role: s.role,
      hash: await ctx.password.hash(s.password),
    })),
  );
  await db.transaction(async (tx) => {
    for (const row of rows) {
      const inserted = await tx
        .insert(users)
        .values({ id: row.id, email: row.email, name: row.name, role: row.role, emailVerified: true })
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id });
      if (inserted.length === 0) throw new StaffExistsError(row.email);
      await tx.insert(accounts).values(credential(ctx, row.id, row.hash));
    }
  });
  return rows.map((r) => r.id);
}

export async function createStaffUser(auth: Auth, db: Db, staff: NewStaff): Promise<string> {
  const [id] = await createStaffUsers(auth, db, [staff]);
  return id as string;
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

/**
 * Sets a person's password, writing the credential whether or not one exists (an account made half before
 * creation was one transaction has none), and signs them out everywhere. False when there is no such person.
 */
export async function setPassword(auth: Auth, db: Db, userId: string, password: string): Promise<boolean> {
  const ctx = await auth.$context;
  const hash = await ctx.password.hash(password);
  const done = await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
    if (!user) return false;
    await tx
      .insert(accounts)
      .values(credential(ctx, userId, hash))
      .onConflictDoUpdate({
        target: [accounts.userId, accounts.providerId],
        set: { password: hash, updatedAt: new Date() },
      });
    return true;
  });
  if (done) await ctx.internalAdapter.deleteUserSessions(userId);
  return done;
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

/**
 * Creates every demo account, or none, when there is no account at all — and never in a database that has run
 * against a remote Skip Pay. Returns how many it created.
 */
export async function seedDemoUsers(auth: Auth, db: Db): Promise<number> {
  if (await remoteHistory(db)) return 0;
  const [any] = await db.select({ id: users.id }).from(users).limit(1);
  if (any) return 0;
  try {
    await createStaffUsers(
      auth,
      db,
      DEMO_USERS.map((user) => ({ ...user, password: DEMO_PASSWORD })),
    );
  } catch (error) {
    // Another instance booting at the same time created them first.
    if (error instanceof StaffExistsError) return 0;
    throw error;
  }
  return DEMO_USERS.length;
}

/** Accounts without a password: nobody can sign in to them (made half by a crash before creation was atomic). */
export async function accountsWithoutPassword(
  db: Db,
): Promise<{ id: string; email: string; role: string }[]> {
  return db
    .select({ id: users.id, email: users.email, role: users.role })
    .from(users)
    .leftJoin(accounts, and(eq(accounts.userId, users.id), eq(accounts.providerId, "credential")))
    .where(isNull(accounts.password))
    .orderBy(asc(users.email));
}

/**
 * Production: demo accounts still on the README's password (a database first run as the sandbox) are disabled
 * and signed out. Returns their e-mails.
 */
export async function disableDemoAccounts(auth: Auth, db: Db): Promise<string[]> {
  const ctx = await auth.$context;
  const rows = await db
    .select({ id: users.id, email: users.email, hash: accounts.password })
    .from(users)
    .innerJoin(accounts, and(eq(accounts.userId, users.id), eq(accounts.providerId, "credential")))
    .where(
      and(
        inArray(
          users.email,
          DEMO_USERS.map((u) => u.email),
        ),
        eq(users.disabled, false),
      ),
    );
  const open: { id: string; email: string }[] = [];
  for (const row of rows)
    if (row.hash && (await ctx.password.verify({ hash: row.hash, password: DEMO_PASSWORD }))) open.push(row);
  for (const row of open) await setDisabled(auth, db, row.id, true);
  return open.map((r) => r.email);
}

/** Whether any admin can sign in: enabled, with a password. */
export async function adminCanSignIn(db: Db): Promise<boolean> {
  const [admin] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(accounts, and(eq(accounts.userId, users.id), eq(accounts.providerId, "credential")))
    .where(and(eq(users.role, "admin"), eq(users.disabled, false), isNotNull(accounts.password)))
    .limit(1);
  return admin !== undefined;
}

/**
 * Production: the admin from ADMIN_EMAIL / ADMIN_PASSWORD — created when no admin can sign in, given its
 * password when it exists without one. Returns what it did, or null when there was nothing to do.
 */
export async function ensureAdmin(
  auth: Auth,
  db: Db,
  admin: { email: string; password: string; name: string },
): Promise<"created" | "repaired" | null> {
  const email = admin.email.trim().toLowerCase();
  const [named] = await db
    .select({ id: users.id, role: users.role, password: accounts.password })
    .from(users)
    .leftJoin(accounts, and(eq(accounts.userId, users.id), eq(accounts.providerId, "credential")))
    .where(eq(users.email, email));
  if (named) {
    if (named.password || named.role !== "admin") return null;
    return (await setPassword(auth, db, named.id, admin.password)) ? "repaired" : null;
  }
  if (await adminCanSignIn(db)) return null;
  try {
    await createStaffUser(auth, db, { ...admin, role: "admin" });
  } catch (error) {
    // Another instance booting at the same time created it first.
    if (error instanceof StaffExistsError) return null;
    throw error;
  }
  return "created";
}
