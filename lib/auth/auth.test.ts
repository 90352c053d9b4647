// Sign-in through better-auth's real HTTP handler and the real database: passwords, disabled accounts, the
// throttles (per client address, per account whatever the address, per browser known for an account) and the
// bound on password hashing. X-Forwarded-For is given as lib/cli/server.mjs passes it on: what the client claimed,
// then the connecting address.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/client";
import { openTestDatabase } from "@/lib/testing/database";
import { type Auth, createAuth } from "./auth";
import { HashGate } from "./hash-gate";
import { ACCOUNT_ATTEMPTS, renewedDevice } from "./throttle";
import { createStaffUser, setDisabled } from "./users";

const APP = "http://127.0.0.1:3999";
const SECRET = "test-secret-test-secret-test-secret-0123";
const STAFF = {
  approvalLimit: 500_000,
  sessionMaxAgeSeconds: 3600,
  loginAttemptsPerMinute: 5,
  trustedProxies: [],
  admin: null,
};
let database: Database;
let auth: Auth;

function signIn(email: string, password: string, ip = "198.51.100.1", cookie?: string, via = auth) {
  return via.handler(
    new Request(`${APP}/api/auth/sign-in/email`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: APP,
        "x-forwarded-for": ip,
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify({ email, password }),
    }),
  );
}

/** An agent's account, named after its e-mail. */
function addAgent(email: string, password: string) {
  return createStaffUser(auth, database.db, {
    email,
    name: email.split("@")[0] as string,
    role: "agent",
    password,
  });
}

/** The device cookie a successful sign-in set, as a Cookie header. */
function deviceCookie(response: Response): string {
  const found = response.headers.getSetCookie().find((c) => c.includes(".device="));
  if (!found) throw new Error("no device cookie");
  return found.split(";")[0] as string;
}

/** Locks `email` for clients without its device cookie: the account's shared window filled with wrong guesses. */
async function lockForUnknownClients(email: string, from: number) {
  for (let i = 0; i <= ACCOUNT_ATTEMPTS; i++) await signIn(email, "guess", `203.0.113.${from + i}`);
}

/** Work that runs until the test lets it finish. */
function held() {
  let finish = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return { work: () => done, finish };
}

/** What a client learns from an answer: status, body and every header but the date. */
async function observed(response: Response) {
  return {
    status: response.status,
    body: await response.text(),
    headers: [...response.headers].filter(([name]) => name !== "date"),
  };
}

beforeAll(async () => {
  database = await openTestDatabase();
  auth = createAuth(database.db, {
    appUrl: APP,
    sessionSecret: SECRET,
    staff: STAFF,
  });
  await createStaffUser(auth, database.db, {
    email: "Agent@Shop.cz",
    name: "Alena",
    role: "agent",
    password: "correct-horse-battery",
  });
  await createStaffUser(auth, database.db, {
    email: "gone@shop.cz",
    name: "Gone",
    role: "agent",
    password: "correct-horse-battery",
  });
});

afterAll(async () => {
  await database?.close();
});

describe("staff sign-in", () => {
  it("accepts the right password with an httpOnly, Secure, expiring session cookie; refuses a wrong one", async () => {
    expect((await signIn("agent@shop.cz", "wrong-password-1")).status).toBe(401);
    const ok = await signIn("agent@shop.cz", "correct-horse-battery");
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/session_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/Max-Age=3600/);
  });

  it("refuses a disabled account even with the right password", async () => {
    const found = await (await auth.$context).internalAdapter.findUserByEmail("gone@shop.cz");
    await setDisabled(auth, database.db, found!.user.id, true);
    expect((await signIn("gone@shop.cz", "correct-horse-battery")).status).not.toBe(200);
  });

  it("answers a disabled account exactly like a wrong password, with the right password or a wrong one", async () => {
    await addAgent("active@shop.cz", "active-password-1");
    const disabledId = await addAgent("disabled@shop.cz", "disabled-password-1");
    await setDisabled(auth, database.db, disabledId, true);
    const wrong = await observed(await signIn("active@shop.cz", "not-the-password", "198.51.100.50"));
    expect(wrong.status).toBe(401);
    expect(await observed(await signIn("disabled@shop.cz", "disabled-password-1", "198.51.100.51"))).toEqual(
      wrong,
    );
    expect(await observed(await signIn("disabled@shop.cz", "not-the-password", "198.51.100.52"))).toEqual(
      wrong,
    );
  });

  it("answers a malformed e-mail with a refusal, not a server error", async () => {
    const send = (email: unknown) =>
      auth.handler(
        new Request(`${APP}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: APP, "x-forwarded-for": "198.51.100.95" },
          body: JSON.stringify({ email, password: "x-wrong-password" }),
        }),
      );
    for (const email of [{ toString: 1 }, `${"a".repeat(12_000)}@shop.cz`, ["a@shop.cz"]]) {
      const status = (await send(email)).status;
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    }
  });

  it("throttles one client IP after a few attempts a minute", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await signIn(`nobody${i}@shop.cz`, "x-wrong-password", "198.51.100.77")).status);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it("behind TRUSTED_PROXIES, counts the address the proxy saw, whatever a client wrote before it", async () => {
    const proxied = createAuth(database.db, {
      appUrl: APP,
      sessionSecret: SECRET,
      staff: { ...STAFF, trustedProxies: ["10.0.0.0/8"] },
    });
    // The proxy (10.0.0.7) appends the address it saw to the header the client sent.
    const through = (claimed: string, seen: string, i: number) =>
      signIn(`spray${i}@shop.cz`, "x-wrong-password", `${claimed}, ${seen}, 10.0.0.7`, undefined, proxied);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await through(`203.0.113.${i + 100}`, "198.51.100.90", i)).status);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // Another client behind the same proxy, claiming the same addresses, is not held back.
    expect((await through("203.0.113.100", "198.51.100.91", 9)).status).toBe(401);
  });

  it("throttles one account whatever IP the attempts claim to come from", async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= ACCOUNT_ATTEMPTS; i++)
      statuses.push((await signIn("victim@shop.cz", "guess", `203.0.113.${i + 1}`)).status);
    expect(statuses.slice(0, ACCOUNT_ATTEMPTS).every((s) => s === 401)).toBe(true);
    const blocked = await signIn("victim@shop.cz", "guess", "203.0.113.200");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("x-retry-after"))).toBeGreaterThan(0);
  });

  it("gives back only its own attempt when an unknown browser signs in: guesses from elsewhere still count", async () => {
    await addAgent("counted@shop.cz", "counted-password-1");
    for (let i = 0; i < ACCOUNT_ATTEMPTS - 1; i++)
      await signIn("counted@shop.cz", "guess", `203.0.113.${180 + i}`);
    // She signs in from a new browser…
    expect((await signIn("counted@shop.cz", "counted-password-1", "198.51.100.100")).status).toBe(200);
    // …and the guessing goes on from where it was: one more, then no more.
    expect((await signIn("counted@shop.cz", "guess", "203.0.113.199")).status).toBe(401);
    expect((await signIn("counted@shop.cz", "guess", "203.0.113.201")).status).toBe(429);
  });

  it("lets a browser that signed in to the account before sign in while the account is locked for others", async () => {
    await addAgent("own@shop.cz", "own-password-1");
    const first = await signIn("own@shop.cz", "own-password-1", "198.51.100.10");
    expect(first.status).toBe(200);
    const device = deviceCookie(first);
    const attributes = first.headers.getSetCookie().find((c) => c.includes(".device=")) ?? "";
    expect(attributes).toMatch(/HttpOnly/i);
    expect(attributes).toMatch(/Max-Age=31536000/);
    expect(attributes).toMatch(/Path=\/api\/auth\/sign-in(;|$)/);

    await lockForUnknownClients("own@shop.cz", 20);
    // Anyone else, even with the right password, waits…
    expect((await signIn("own@shop.cz", "own-password-1", "198.51.100.11")).status).toBe(429);
    // …and so does a cookie that was tampered with or names another account.
    // One character of the keyed hash changed.
    const at = device.indexOf(".", device.indexOf("=")) + 1;
    const tampered = `${device.slice(0, at)}${device[at] === "A" ? "B" : "A"}${device.slice(at + 1)}`;
    expect((await signIn("own@shop.cz", "own-password-1", "198.51.100.12", tampered)).status).toBe(429);
    const other = await signIn("agent@shop.cz", "correct-horse-battery", "198.51.100.13");
    expect((await signIn("own@shop.cz", "own-password-1", "198.51.100.14", deviceCookie(other))).status).toBe(
      429,
    );
    // The staff member's own browser signs in, and gets a new device cookie.
    const again = await signIn("own@shop.cz", "own-password-1", "198.51.100.15", device);
    expect(again.status).toBe(200);
    expect(deviceCookie(again)).not.toBe(device);
  });

  it("keeps a known browser out of the per-address limit anyone at the office's address can fill", async () => {
    await addAgent("desk@shop.cz", "desk-password-1");
    const office = "198.51.100.60";
    const device = deviceCookie(await signIn("desk@shop.cz", "desk-password-1", office));
    for (let i = 0; i < 6; i++) await signIn(`claims${i}@shop.cz`, "x-wrong-password", office);
    // The office's address is over its limit for everyone else…
    expect((await signIn("someone@shop.cz", "x-wrong-password", office)).status).toBe(429);
    expect((await signIn("desk@shop.cz", "desk-password-1", office)).status).toBe(429);
    // …but not for the browser known for this account (nor does its cookie help with another account).
    expect((await signIn("agent@shop.cz", "correct-horse-battery", office, device)).status).toBe(429);
    expect((await signIn("desk@shop.cz", "desk-password-1", office, device)).status).toBe(200);
  });

  it("knows one browser for several accounts (a shared desk) without saying which", async () => {
    await addAgent("one@shop.cz", "one-password-1");
    await addAgent("two@shop.cz", "two-password-1");
    const afterOne = deviceCookie(await signIn("one@shop.cz", "one-password-1", "198.51.100.70"));
    const afterTwo = deviceCookie(await signIn("two@shop.cz", "two-password-1", "198.51.100.71", afterOne));
    // Only random ids with their signatures: nothing that names or encodes an account.
    const value = afterTwo.slice(afterTwo.indexOf("=") + 1);
    expect(value).toMatch(/^[0-9a-f-]{36}\.[\w-]+~[0-9a-f-]{36}\.[\w-]+$/);
    for (const email of ["one@shop.cz", "two@shop.cz"]) {
      for (const form of [
        email,
        encodeURIComponent(email),
        Buffer.from(email).toString("base64url").slice(0, 12),
      ]) {
        expect(value).not.toContain(form);
      }
    }
    await lockForUnknownClients("one@shop.cz", 120);
    await lockForUnknownClients("two@shop.cz", 140);
    expect((await signIn("one@shop.cz", "one-password-1", "198.51.100.72", afterTwo)).status).toBe(200);
    // A same-named cookie set by another site on the domain, sent first, hides nothing.
    const shadowed = `${afterTwo.split("=")[0]}=0; ${afterTwo}`;
    expect((await signIn("two@shop.cz", "two-password-1", "198.51.100.73", shadowed)).status).toBe(200);
    // At most five accounts: the oldest goes.
    let cookie = "";
    for (let i = 0; i < 7; i++) cookie = renewedDevice(cookie, `user${i}@shop.cz`, SECRET);
    expect(cookie.split("~")).toHaveLength(5);
  });

  it("remembers an account's window for its full 15 minutes, whatever better-auth prunes", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      await addAgent("kept@shop.cz", "kept-password-1");
      await lockForUnknownClients("kept@shop.cz", 160);
      await signIn("first@shop.cz", "x-wrong-password", "198.51.100.80");
      // Two minutes on, that address's window starts again, and better-auth deletes its rows older than a minute.
      vi.setSystemTime(Date.now() + 2 * 60_000);
      await signIn("first@shop.cz", "x-wrong-password", "198.51.100.80");
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await signIn("kept@shop.cz", "kept-password-1", "198.51.100.81")).status).toBe(429);
    } finally {
      vi.useRealTimers();
    }
  });

  it("limits guesses from a known browser in that browser's own window", async () => {
    await addAgent("mine@shop.cz", "mine-password-1");
    const device = deviceCookie(await signIn("mine@shop.cz", "mine-password-1", "198.51.100.30"));
    const statuses: number[] = [];
    for (let i = 0; i <= ACCOUNT_ATTEMPTS; i++)
      statuses.push((await signIn("mine@shop.cz", "guess", `203.0.113.${60 + i}`, device)).status);
    expect(statuses.slice(0, ACCOUNT_ATTEMPTS).every((s) => s === 401)).toBe(true);
    expect(statuses[ACCOUNT_ATTEMPTS]).toBe(429);
    expect((await signIn("mine@shop.cz", "mine-password-1", "198.51.100.31", device)).status).toBe(429);
    // Those guesses did not lock the account for its other browsers.
    expect((await signIn("mine@shop.cz", "mine-password-1", "198.51.100.32")).status).toBe(200);
  });
});

describe("sign-in under load, from any address", () => {
  it("counts a client at its connecting address, whatever address it claims", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (await signIn(`claims.${i}@shop.cz`, "x-wrong-password", `203.0.113.${i + 30}, 198.51.100.40`))
          .status,
      );
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // Another client making the same claims is not held back by the first one's attempts.
    expect((await signIn("claims.9@shop.cz", "x-wrong-password", "203.0.113.30, 198.51.100.41")).status).toBe(
      401,
    );
  });

  it("does not put every client that sends `unknown` into one bucket", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await signIn(`pooled.${i}@shop.cz`, "x-wrong-password", "unknown, 198.51.100.42")).status,
      );
    expect(statuses.at(-1)).toBe(429);
    expect((await signIn("pooled.9@shop.cz", "x-wrong-password", "unknown, 198.51.100.43")).status).toBe(401);
  });

  it("does not pool clients it has no address for into one bucket that one of them can fill", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await signIn(`nowhere.${i}@shop.cz`, "x-wrong-password", "unknown")).status);
    expect(statuses).toEqual(Array(7).fill(401));
  });

  it("answers 503 with Retry-After at once, without hashing, when the hash queue is full", async () => {
    await addAgent("busy@shop.cz", "busy-password-1");
    const gate = new HashGate({ running: 1, admitted: { known: 1, anonymous: 1 }, anonymousShare: 1 });
    const busy = createAuth(database.db, { appUrl: APP, sessionSecret: SECRET, staff: STAFF }, gate);
    const device = deviceCookie(
      await signIn("busy@shop.cz", "busy-password-1", "198.51.100.44", undefined, busy),
    );

    // The anonymous lane's only hash slot is taken by a hash that does not end, its only place by another attempt.
    const blocker = held();
    const running = gate.run("anonymous", blocker.work);
    const place = gate.admit("anonymous");
    const refused = await signIn("busy@shop.cz", "busy-password-1", "198.51.100.45", undefined, busy);
    // It was answered while no anonymous hash could run: it never waited for one.
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get("set-cookie")).toBeNull();
    expect(await refused.clone().json()).toMatchObject({ code: "SIGN_IN_BUSY" });
    // lib/cli/server.mjs gives the same answer before Next.js routes the request; a device cookie is left to the
    // handler, which checks it with the e-mail it is for.
    expect(busy.refuseEarly("theme=dark")).toMatchObject({ status: 503, body: await refused.text() });
    expect(busy.refuseEarly(device)).toBeNull();

    // The staff member's usual browser still gets a place, and its hash does not wait for the strangers'.
    expect((await signIn("busy@shop.cz", "busy-password-1", "198.51.100.46", device, busy)).status).toBe(200);
    blocker.finish();
    await running;
    place?.release();
    expect(busy.refuseEarly(undefined)).toBeNull();
    expect((await signIn("busy@shop.cz", "busy-password-1", "198.51.100.47", undefined, busy)).status).toBe(
      200,
    );
  });
});
