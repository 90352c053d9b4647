// Sign-in against the real server (lib/cli/server.mjs, as `npm start` runs it): the per-address limit counts the
// connecting address whatever X-Forwarded-For claims, and a flood beyond the short hash queue is refused at once.
// These requests come from loopback addresses of their own (all of 127.0.0.0/8 is this machine), so they neither
// use nor fill the limit of the browsers, which connect from 127.0.0.1.
import http from "node:http";
import { expect, signedOutPage, test } from "./fixtures";

/** LOGIN_ATTEMPTS_PER_MINUTE of the e2e server (playwright.config.ts). */
const PER_ADDRESS = 60;

interface Answer {
  status: number;
  retryAfter: string | undefined;
  body: string;
}

function signIn(
  baseURL: string,
  from: string,
  body: { email: string; password: string },
  forwardedFor?: string,
): Promise<Answer> {
  const url = new URL("/api/auth/sign-in/email", baseURL);
  const json = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        localAddress: from,
        agent: false,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(json),
          origin: baseURL,
          ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
        },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk) => {
          text += chunk;
        });
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: response.headers["retry-after"],
            body: text,
          }),
        );
      },
    );
    request.on("error", reject);
    request.end(json);
  });
}

const anyAddress = () => Array.from({ length: 4 }, () => Math.floor(Math.random() * 254) + 1).join(".");
/**
 * Not an e-mail address: refused (400) before any password is hashed, but counted by the per-address limit — a new
 * one each time, so that the per-account limit (10 attempts) does not step in first.
 */
const notAnEmail = () => ({
  email: `not-an-e-mail-${Math.random().toString(36).slice(2)}`,
  password: "x-wrong",
});

test("an address a client claims in X-Forwarded-For is ignored: its connecting address is limited", async ({
  baseURL,
}) => {
  const statuses: number[] = [];
  for (let i = 0; i <= PER_ADDRESS; i++)
    statuses.push((await signIn(baseURL as string, "127.0.9.1", notAnEmail(), anyAddress())).status);
  expect(statuses.slice(0, PER_ADDRESS).every((s) => s === 400)).toBe(true);
  expect(statuses[PER_ADDRESS]).toBe(429);
});

test("an unreadable X-Forwarded-For (`unknown`) does not put every client that sends it into one bucket", async ({
  baseURL,
}) => {
  const statuses: number[] = [];
  for (let i = 0; i <= PER_ADDRESS; i++)
    statuses.push((await signIn(baseURL as string, "127.0.9.2", notAnEmail(), "unknown")).status);
  expect(statuses[PER_ADDRESS]).toBe(429);
  // Another client sending the same is counted at its own address.
  expect((await signIn(baseURL as string, "127.0.9.3", notAnEmail(), "unknown")).status).toBe(400);
});

test("a flood of sign-ins beyond the hash queue is refused at once with 503 and Retry-After; the sign-in page says so", async ({
  baseURL,
  browser,
}) => {
  test.setTimeout(60_000);
  // Many clients, each at its own address and sending the next attempt as soon as it has an answer.
  const answers: Answer[] = [];
  let flooding = true;
  const flood = Array.from({ length: 24 }, async (_, i) => {
    while (flooding) {
      const email = `flood.${i}.${Math.random().toString(36).slice(2)}@example.com`;
      answers.push(
        await signIn(baseURL as string, `127.0.10.${i + 1}`, { email, password: "x-wrong-password" }),
      );
    }
  });
  try {
    const page = await signedOutPage(browser);
    await page.goto("/login");
    await page.getByRole("textbox", { name: "E-mail" }).fill(`nobody.${Date.now()}@demo.cz`);
    await page.getByLabel("Password").fill("not-the-password");
    // The browser's attempt may find a free place now and then (and be refused as a wrong password): try again.
    await expect(async () => {
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(
        page
          .getByRole("alert")
          .filter({ hasText: /The server is checking many sign-ins right now. Try again in \d+ s./ }),
      ).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 20_000 });
    await page.context().close();
  } finally {
    flooding = false;
    await Promise.all(flood);
  }
  const refused = answers.filter((a) => a.status === 503);
  expect(refused.length).toBeGreaterThan(0);
  for (const answer of refused) {
    expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(answer.body)).toMatchObject({ code: "SIGN_IN_BUSY" });
  }
  // The rest were checked as usual.
  expect(answers.filter((a) => a.status !== 503).every((a) => a.status === 401)).toBe(true);
});
