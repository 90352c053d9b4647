// Every server action, fed generated bad input (fast-check) by a signed-in admin — the role every action lets
// through, so what is tested is the action's own validation, not the role check. Each bad input must get a
// clear, machine-readable error (which field, which code) and change nothing: no call to Skip Pay, no journal
// entry, no staff change, no cookie. A final valid call proves the inputs were aimed at something live.
import { type APIRequestContext, request as playwrightRequest } from "@playwright/test";
import fc from "fast-check";
import { z } from "zod";
import * as zc from "zod/v4/core";
import { newStaffSchema, staffChangeSchema } from "@/lib/auth/staff-schemas";
import { basisOf } from "@/lib/orders/basis";
import {
  approvalDecisionSchema,
  driftCheckSchema,
  operationResolutionSchema,
  sandboxDecisionSchema,
} from "@/lib/orders/forms/decisions";
import { emptyForm } from "@/lib/orders/forms/defaults";
import { operationSubmissionSchema } from "@/lib/orders/forms/submission";
import { callAction } from "./actions";
import { expect, pageAs, test } from "./fixtures";
import { authFile } from "./roles";

const RUNS = 100;

/** Values that break types, ranges and formats; strings that look like markup, references or numbers. */
const badValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    null,
    -1,
    0,
    1e21,
    "",
    " ",
    "-100",
    "1e9",
    "0,001",
    "99999999999999999999",
    "NaN",
    "$@0",
    "$K1",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "__proto__",
    "2026-02-30",
    "x".repeat(5_000),
    { __proto__: { ok: true } },
    [[[[[]]]]],
  ),
);

type Path = (string | number)[];

/** Every path to a value inside `value` (objects and arrays included), so any field can be broken. */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
  if (value && typeof value === "object")
    return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  return [prefix];
}

function setAt(value: unknown, path: Path, replacement: unknown, remove: boolean): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) delete node[last];
  else node[last] = replacement;
  return copy;
}

/** Bad inputs near a valid one (one field broken or removed, or extra garbage), or garbage outright. */
/** Any zod 4 schema, classic or mini. */
type Schema = zc.$ZodType;

function badInputs(valid: unknown, schema: Schema): fc.Arbitrary<unknown> {
  const all = paths(valid);
  return fc
    .oneof(
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
      {
        weight: 4,
        arbitrary: fc
          .tuple(fc.constantFrom(...all), badValue, fc.boolean())
          .map(([path, bad, remove]) => setAt(valid, path, bad, remove && path.length > 0)),
      },
    )
    .filter((input) => !zc.safeParse(schema, input).success);
}

/** The answer names what is wrong: at least one field with at least one error code. */
function expectClearError(result: unknown, shape: "failure" | "staff" | "locale") {
  if (shape === "failure") {
    const r = result as { ok: boolean; failure: { kind: string; fieldErrors: Record<string, string[]> } };
    expect(r.ok).toBe(false);
    expect(r.failure.kind).toBe("invalid");
    const fields = Object.entries(r.failure.fieldErrors);
    expect(fields.length).toBeGreaterThan(0);
    for (const [field, codes] of fields) {
      expect(field).not.toBe("");
      expect(codes.every((c) => typeof c === "string" && c.length > 0)).toBe(true);
    }
  } else if (shape === "staff") {
    const r = result as { ok: boolean; error: string; fields: Record<string, string> };
    expect(r).toMatchObject({ ok: false, error: "invalid" });
    expect(Object.keys(r.fields).length).toBeGreaterThan(0);
  } else {
    expect(result).toEqual({ ok: false, error: "invalid" });
  }
}

async function fuzz(
  admin: APIRequestContext,
  name: string,
  valid: unknown,
  schema: Schema,
  shape: "failure" | "staff" | "locale",
  path = "/applications",
) {
  let calls = 0;
  await fc.assert(
    fc.asyncProperty(badInputs(valid, schema), async (input) => {
      calls += 1;
      const { status, result, setCookie } = await callAction(admin, name, input, { path });
      expect(status).toBe(200);
      expectClearError(result, shape);
      expect(setCookie).toEqual([]);
    }),
    { numRuns: RUNS },
  );
  expect(calls).toBe(RUNS);
}

let admin: APIRequestContext;
test.beforeAll(async ({ baseURL }) => {
  admin = await playwrightRequest.newContext({ baseURL, storageState: authFile("admin") });
});
test.afterAll(async () => {
  await admin.dispose();
});

test("submitOperation: bad input is refused field by field, and nothing reaches Skip Pay", async ({
  sandbox,
}) => {
  const { id } = await sandbox.create("delivered");
  const application = await sandbox.application(id);
  const valid = {
    applicationId: id,
    values: { ...emptyForm("refund", [], "2026-11-20"), amount: "100", reason: "goodwill" },
    basis: basisOf(application),
    loadedAt: new Date().toISOString(),
    submissionId: crypto.randomUUID(),
  };
  expect(operationSubmissionSchema.safeParse(valid).success).toBe(true);

  const events = await sandbox.events(id);
  await fuzz(admin, "submitOperation", valid, operationSubmissionSchema, "failure");

  expect(await sandbox.events(id)).toEqual(events);
  const journal = await admin.get(`/api/applications/${id}/journal`);
  expect((await journal.json()).entries).toEqual([]);
  expect((await sandbox.application(id)).order.totalPrice.amount).toBe(application.order.totalPrice.amount);

  // The same target with valid input does refund: the fuzzing above was aimed at a live operation.
  const { result } = await callAction(admin, "submitOperation", valid);
  expect(result).toMatchObject({ ok: true, kind: "done" });
  expect((await sandbox.events(id)).slice(events.length).map((e) => e.operation)).toEqual(["order/return"]);
});

test("decideApproval, resolveOperation, checkDrift and sandboxDecision: bad input is refused, the application stays undecided", async ({
  sandbox,
}) => {
  // Four actions' worth of bad input, each posted on its own: 16 s of the 30 here on a quiet 2-core machine.
  test.slow();
  const { id } = await sandbox.create("processing");
  const approval = { operationId: crypto.randomUUID(), decision: "approve", note: "" };
  expect(approvalDecisionSchema.safeParse(approval).success).toBe(true);
  await fuzz(admin, "decideApproval", approval, approvalDecisionSchema, "failure");

  const resolution = { operationId: crypto.randomUUID(), outcome: "applied", note: "" };
  expect(operationResolutionSchema.safeParse(resolution).success).toBe(true);
  await fuzz(admin, "resolveOperation", resolution, operationResolutionSchema, "failure");
  const drift = { applicationId: id, drift: -100, note: "" };
  expect(driftCheckSchema.safeParse(drift).success).toBe(true);
  await fuzz(admin, "checkDrift", drift, driftCheckSchema, "failure");

  const decision = { applicationId: id, decision: "approve" };
  await fuzz(admin, "sandboxDecision", decision, sandboxDecisionSchema, "failure");
  expect((await sandbox.application(id)).state).toBe("PROCESSING");

  const { result } = await callAction(admin, "sandboxDecision", decision);
  expect(result).toMatchObject({ ok: true, application: { state: "READY" } });
});

test("createStaff, changeStaff and setLocale: bad input is refused and no account or setting changes", async ({
  browser,
}) => {
  const page = await pageAs(browser, "admin");
  const staffList = async () => {
    await page.goto("/staff");
    const rows = page.getByRole("main").getByRole("listitem");
    await expect(rows.first()).toBeVisible();
    return Promise.all(
      (await rows.all()).map(async (row) => ({
        text: await row.textContent(),
        role: await row.getByRole("combobox").inputValue(),
      })),
    );
  };
  const before = await staffList();

  const email = `fuzz-${Date.now().toString(36)}@demo.cz`;
  const person = { email, name: "Fuzz Test", role: "agent", password: "a-long-enough-password" };
  expect(newStaffSchema.safeParse(person).success).toBe(true);
  await fuzz(admin, "createStaff", person, newStaffSchema, "staff", "/staff");

  const change = { change: "role", userId: "some-user", role: "viewer" };
  expect(staffChangeSchema.safeParse(change).success).toBe(true);
  await fuzz(admin, "changeStaff", change, staffChangeSchema, "staff", "/staff");

  await fuzz(admin, "setLocale", "cs", z.enum(["cs", "en"]), "locale");

  expect(await staffList()).toEqual(before);
  // The valid account is created: the target was live.
  const { result } = await callAction(admin, "createStaff", person, { path: "/staff" });
  expect(result).toEqual({ ok: true });
  expect((await staffList()).map((r) => r.text).join("\n")).toContain(email);
});
