// Staff accounts against the real database and better-auth's real sign-in: an account and its password are made
// together or not at all, a password can always be set again, the configured admin is repaired, and demo
// accounts stay out of a database that has run against a real Skip Pay.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { recordRemote } from "@/lib/db/history";
import { accounts, users } from "@/lib/db/schema";
import { openTestDatabase } from "@/lib/testing/database";
import { type Auth, createAuth } from "./auth";
import {
  accountsWithoutPassword,
  createStaffUser,
  DEMO_PASSWORD,
  DEMO_USERS,
  disableDemoAccounts,
  ensureAdmin,
  StaffExistsError,
  seedDemoUsers,
  setPassword,
} from "./users";

const APP = "http://127.0.0.1:3999";
// Several databases and scrypt hashes per test: more than the default 30 s on a busy machine.
const SLOW = { timeout: 120_000 };
const STAFF = {
  approvalLimit: 500_000,
  sessionMaxAgeSeconds: 3600,
  loginAttemptsPerMinute: 50,
  trustedProxies: [],
  admin: null,
};

async function withDatabase(run: (database: Database, auth: Auth) => Promise<void>) {
  const database = await openTestDatabase();
  try {
    await run(
      database,
      createAuth(database.db, { appUrl: APP, sessionSecret: "s".repeat(40), staff: STAFF }),
    );
  } finally {
    await database.close();
  }
}

let ip = 0;
async function signsIn(auth: Auth, email: string, password: string): Promise<boolean> {
  ip += 1;
  const response = await auth.handler(
    new Request(`${APP}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: APP, "x-forwarded-for": `198.51.100.${ip}` },
      body: JSON.stringify({ email, password }),
    }),
  );
  return response.status === 200;
}

/** A person whose creation stopped after the user row (what a crash did before creation was one transaction). */
async function halfMade(database: Database, email: string, role = "admin"): Promise<string> {
  const id = `half-${email}`;
  await database.db.insert(users).values({ id, email, name: "Half Made", role, emailVerified: true });
  return id;
}

describe("creating an account", SLOW, () => {
  let database: Database;
  let auth: Auth;
  beforeAll(async () => {
    database = await openTestDatabase();
    auth = createAuth(database.db, { appUrl: APP, sessionSecret: "s".repeat(40), staff: STAFF });
  });
  afterAll(async () => {
    await database?.close();
  });

  it("makes the person and their password together, or neither — the e-mail stays free", async () => {
    const { db } = database;
    // The password cannot be stored (as when the process dies between the two writes).
    await db.execute(sql`create function refuse() returns trigger language plpgsql as $$
      begin raise exception 'no credential today'; end $$`);
    await db.execute(
      sql`create trigger refuse before insert on accounts for each row execute function refuse()`,
    );
    const person = {
      email: "Nova@Shop.cz",
      name: "Nová",
      role: "agent" as const,
      password: "first-password-1",
    };
    await expect(createStaffUser(auth, db, person)).rejects.toThrow();
    expect(await db.select().from(users).where(eq(users.email, "nova@shop.cz"))).toEqual([]);

    await db.execute(sql`drop trigger refuse on accounts`);
    await createStaffUser(auth, db, person);
    expect(await signsIn(auth, "nova@shop.cz", "first-password-1")).toBe(true);
    await expect(
      createStaffUser(auth, db, { ...person, password: "other-password-2" }),
    ).rejects.toBeInstanceOf(StaffExistsError);
  });

  it("resets a password whether or not the account has one, and refuses an unknown account", async () => {
    const { db } = database;
    const id = await halfMade(database, "half@shop.cz", "agent");
    expect(await signsIn(auth, "half@shop.cz", "new-password-123")).toBe(false);
    expect(await setPassword(auth, db, id, "new-password-123")).toBe(true);
    expect(await signsIn(auth, "half@shop.cz", "new-password-123")).toBe(true);
    // Set again: replaced, not a second credential.
    expect(await setPassword(auth, db, id, "newer-password-456")).toBe(true);
    expect(await signsIn(auth, "half@shop.cz", "new-password-123")).toBe(false);
    expect(await signsIn(auth, "half@shop.cz", "newer-password-456")).toBe(true);
    expect(await db.select().from(accounts).where(eq(accounts.userId, id))).toHaveLength(1);
    expect(await setPassword(auth, db, "no-such-person", "newer-password-456")).toBe(false);
  });
});

describe("the configured admin", SLOW, () => {
  const admin = { email: "Boss@Shop.cz", password: "admin-password-1", name: "Šéfová" };

  it("is given its password when it exists without one, and reported until then", async () => {
    await withDatabase(async (database, auth) => {
      await halfMade(database, "boss@shop.cz");
      expect(await accountsWithoutPassword(database.db)).toEqual([
        { id: "half-boss@shop.cz", email: "boss@shop.cz", role: "admin" },
      ]);
      expect(await ensureAdmin(auth, database.db, admin)).toBe("repaired");
      expect(await signsIn(auth, "boss@shop.cz", "admin-password-1")).toBe(true);
      expect(await accountsWithoutPassword(database.db)).toEqual([]);
      expect(await ensureAdmin(auth, database.db, admin)).toBeNull();
    });
  });

  it("is created when the only admin cannot sign in, and not when one can", async () => {
    await withDatabase(async (database, auth) => {
      await halfMade(database, "someone@shop.cz");
      expect(await ensureAdmin(auth, database.db, admin)).toBe("created");
      expect(await signsIn(auth, "boss@shop.cz", "admin-password-1")).toBe(true);
      expect(await ensureAdmin(auth, database.db, { ...admin, email: "second@shop.cz" })).toBeNull();
    });
  });
});

describe("demo accounts", SLOW, () => {
  it("are all created in an empty sandbox database", async () => {
    await withDatabase(async (database, auth) => {
      expect(await seedDemoUsers(auth, database.db)).toBe(DEMO_USERS.length);
      expect(await signsIn(auth, "admin@demo.cz", DEMO_PASSWORD)).toBe(true);
      expect(await seedDemoUsers(auth, database.db)).toBe(0);
    });
  });

  it("are never created in a database that has run against a real Skip Pay", async () => {
    await withDatabase(async (database, auth) => {
      await recordRemote(database.db, "https://api.partner.skippay.cz");
      expect(await seedDemoUsers(auth, database.db)).toBe(0);
      expect(await database.db.select().from(users)).toEqual([]);
    });
  });

  it("still on the demo password are disabled once the database runs against Skip Pay", async () => {
    await withDatabase(async (database, auth) => {
      await seedDemoUsers(auth, database.db);
      const agent = (await database.db.select().from(users).where(eq(users.email, "agent@demo.cz")))[0];
      await setPassword(auth, database.db, agent?.id as string, "a-real-password-1");
      const disabled = await disableDemoAccounts(auth, database.db);
      expect(disabled.sort()).toEqual(
        DEMO_USERS.map((u) => u.email)
          .filter((e) => e !== "agent@demo.cz")
          .sort(),
      );
      expect(await signsIn(auth, "admin@demo.cz", DEMO_PASSWORD)).toBe(false);
      expect(await signsIn(auth, "agent@demo.cz", "a-real-password-1")).toBe(true);
      expect(await disableDemoAccounts(auth, database.db)).toEqual([]);
    });
  });
});
