// "Send to the customer", end to end below the UI: a refund done through the real operations service on the real
// sandbox, its message e-mailed through nodemailer to the embedded SMTP server (smtp-server on a loopback port),
// stored by it and read back from the outbox table — on PGlite (or PostgreSQL with TEST_POSTGRES=1). No mocks.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { customerEmailsFor, findCustomerEmail, listOutbox } from "@/lib/db/customer-emails";
import { createOperations, type Operations } from "@/lib/operations/service";
import { basisOf } from "@/lib/orders/basis";
import { formatMoney } from "@/lib/orders/money";
import { buildApplicationRequest } from "@/lib/sandbox/builders";
import type { SkipPayClient } from "@/lib/skippay/client";
import type { ApplicationResponse, FinancingType } from "@/lib/skippay/schemas";
import { requestFor } from "@/lib/testing/requests";
import { type SandboxServer, startSandboxServer } from "@/lib/testing/sandbox-server";
import { specCheckedFetch } from "@/lib/testing/spec-checked-fetch";
import { type NotifyDeps, notifyCustomer } from "./notify";
import { type SandboxSmtp, startSandboxSmtp } from "./sandbox-smtp";
import { localMailer } from "./transport";

// The test ports given to this work (2531–2539): one for the server, one where nothing listens.
const SMTP_PORT = 2531;
const DEAD_PORT = 2539;
const FROM = "Vařečka <objednavky@varecka.example.cz>";
const agent = { id: "u-agent", name: "Alena Králová", role: "agent" as const };
const agent2 = { id: "u-agent2", name: "Bohdan Říha", role: "agent" as const };

let server: SandboxServer;
let smtp: SandboxSmtp;
let client: SkipPayClient;
let ops: Operations;
let deps: NotifyDeps;
let seq = 0;

async function delivered(type: FinancingType = "DEFERRED_PAYMENT"): Promise<ApplicationResponse> {
  seq += 1;
  const created = await client.createApplication(
    buildApplicationRequest({
      orderNumber: `MAIL-${seq}`,
      type,
      lines: [
        { code: "KETTLE", name: "Rychlovarná konvice", unitPrice: 149_900 },
        { code: "MUG", name: "Hrnek", unitPrice: 19_900, quantity: 2 },
      ],
    }),
  );
  if (!created.ok) throw new Error(created.error.message);
  await client.sandbox.approve(created.value.id);
  await client.deliverOrderItems(created.value.id, {});
  const read = await client.getApplication(created.value.id);
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

/** A refund of `czk` Kč through the operations service; its operation id. */
async function refunded(app: ApplicationResponse, czk: number): Promise<string> {
  const result = await ops.submit(agent, {
    request: requestFor(app, "refund", { amount: String(czk) }),
    basis: basisOf(app),
    loadedAt: new Date().toISOString(),
    submissionId: randomUUID(),
  });
  if (!result.ok || result.kind !== "done") throw new Error(`refund: ${JSON.stringify(result)}`);
  return result.operationId;
}

/** Every request the admin's client sends here is checked against Skip Pay's spec. */
const requests = specCheckedFetch();

const outboxFor = async (orderNumber: string) =>
  (await listOutbox(server.database.db)).filter((m) => m.subject.includes(`${orderNumber} `));

beforeAll(async () => {
  server = await startSandboxServer();
  client = server.client({ timeoutMs: 4_000, fetch: requests.fetch });
  ops = createOperations({ db: server.database.db, client, approvalLimit: 10_000_000, leaseMs: 5_000 });
  smtp = await startSandboxSmtp(server.database.db, SMTP_PORT);
  deps = { db: server.database.db, mailer: localMailer(smtp.host, smtp.port, FROM), shopName: "Vařečka" };
});

afterEach(() => requests.expectConforming());

afterAll(async () => {
  await smtp?.close();
  await server?.close();
});

describe("exactly once", () => {
  it("sends the operation's message once, in the language asked, to the application's customer; the outbox has it", async () => {
    const app = await delivered();
    const operationId = await refunded(app, 250);
    const first = await notifyCustomer(deps, agent, { applicationId: app.id, operationId, language: "cs" });
    expect(first).toMatchObject({
      ok: true,
      already: false,
      email: { status: "sent", recipient: "jana.novakova@example.cz", language: "cs", actorName: agent.name },
    });
    const [message, ...more] = await outboxFor(app.order.number);
    expect(more).toHaveLength(0);
    expect(message?.envelopeTo).toEqual(["jana.novakova@example.cz"]);
    expect(message?.fromHeader).toContain("objednavky@varecka.example.cz");
    expect(message?.subject).toBe(`Vaše objednávka ${app.order.number} – co se změnilo`);
    expect(message?.body).toContain(
      `částku za objednávku ${app.order.number} jsme vám snížili o ${formatMoney(25_000, "cs")}`,
    );
    expect(message?.body).toContain("do data splatnosti");
    // Signed off with the shop's name, not only "S pozdravem".
    expect(message?.body.trimEnd().endsWith("S pozdravem\nVařečka")).toBe(true);
    expect(message?.body.trim()).toBe(first.ok ? first.email.body.trim() : "");
  });

  it("a repeat, or many at once from two people, sends nothing more and answers with the e-mail that was sent", async () => {
    const app = await delivered("PAY_IN_THREE");
    const operationId = await refunded(app, 100);
    const input = { applicationId: app.id, operationId, language: "en" as const };
    const answers = await Promise.all([
      notifyCustomer(deps, agent, input),
      notifyCustomer(deps, agent2, input),
      notifyCustomer(deps, agent, input),
      notifyCustomer(deps, agent2, { ...input, language: "cs" }),
    ]);
    expect(answers.filter((a) => a.ok && !a.already)).toHaveLength(1);
    expect(answers.every((a) => a.ok)).toBe(true);
    const again = await notifyCustomer(deps, agent, input);
    expect(again).toMatchObject({ ok: true, already: true, email: { status: "sent", attempt: 1 } });
    const sent = await outboxFor(app.order.number);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toContain("Skip Pay adjusts the instalments");
    expect(await customerEmailsFor(server.database.db, app.id)).toHaveLength(1);
  });

  it("refuses what has no message: another application's operation, or one that is not confirmed", async () => {
    const app = await delivered();
    const other = await delivered();
    const operationId = await refunded(app, 10);
    expect(
      await notifyCustomer(deps, agent, { applicationId: other.id, operationId, language: "cs" }),
    ).toEqual({ ok: false, failure: { kind: "not_found" } });
    expect(
      await notifyCustomer(deps, agent, { applicationId: app.id, operationId: randomUUID(), language: "cs" }),
    ).toEqual({ ok: false, failure: { kind: "not_found" } });
    expect(
      await notifyCustomer({ ...deps, mailer: null }, agent, {
        applicationId: app.id,
        operationId,
        language: "cs",
      }),
    ).toEqual({ ok: false, failure: { kind: "mail_off" } });
    expect(await findCustomerEmail(server.database.db, operationId)).toBeNull();
  });
});

describe("a failure, then Resend", () => {
  it("records the failure without touching the operation, and a resend sends it once", async () => {
    const app = await delivered();
    const operationId = await refunded(app, 300);
    const input = { applicationId: app.id, operationId, language: "cs" as const };
    // Nothing listens on this port: the SMTP connection is refused.
    const broken: NotifyDeps = { ...deps, mailer: localMailer("127.0.0.1", DEAD_PORT, FROM) };
    const failed = await notifyCustomer(broken, agent, input);
    expect(failed).toMatchObject({ ok: true, already: false, email: { status: "failed", attempt: 1 } });
    expect(failed.ok && failed.email.error).toMatch(/ECONNREFUSED|connect/i);
    expect(await outboxFor(app.order.number)).toHaveLength(0);
    // The operation stands as it was.
    const entry = (await ops.entries(app.id)).find((e) => e.id === operationId);
    expect(entry).toMatchObject({ status: "succeeded", refund: 30_000 });

    const resent = await notifyCustomer(deps, agent2, input);
    expect(resent).toMatchObject({
      ok: true,
      already: false,
      email: { status: "sent", attempt: 2, error: null, actorName: agent2.name },
    });
    expect(await notifyCustomer(deps, agent, input)).toMatchObject({ ok: true, already: true });
    expect(await outboxFor(app.order.number)).toHaveLength(1);
  });
});
