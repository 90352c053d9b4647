// The embedded Skip Pay sandbox's own tables (lib/sandbox), in the app's database: used only when
// SKIPPAY_BASE_URL points at this app's /sandbox. Kept apart from the admin's schema (lib/db/schema.ts).
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { SandboxApplication } from "./model";

/** One simulated application: its whole state as a JSON document, plus the columns lookups need. */
export const sandboxApplications = pgTable(
  "sandbox_applications",
  {
    id: text("id").primaryKey(),
    orderNumber: text("order_number").notNull(),
    /** '' when the order has no merchantId, so (order number, merchant) can be unique. */
    merchantId: text("merchant_id").notNull().default(""),
    variableSymbols: text("variable_symbols").array().notNull(),
    data: jsonb("data").$type<SandboxApplication>().notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sandbox_applications_order_idx").on(t.orderNumber, t.merchantId),
    index("sandbox_applications_created_idx").on(t.createdAt),
  ],
);

/** Everything that happened to a simulated application: every non-GET request, accepted or refused. */
export const sandboxEvents = pgTable(
  "sandbox_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    applicationId: text("application_id"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    method: text("method").notNull(),
    path: text("path").notNull(),
    status: integer("status").notNull(),
    operation: text("operation").notNull(),
    changed: boolean("changed").notNull(),
    request: jsonb("request"),
    /** The change summary on success, the error envelope on refusal. */
    outcome: jsonb("outcome"),
    fault: text("fault"),
  },
  (t) => [index("sandbox_events_application_idx").on(t.applicationId, t.id)],
);

export const sandboxTokens = pgTable("sandbox_tokens", {
  token: text("token").primaryKey(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

/** Injected faults: the next `remaining` requests matching method + path prefix fail in the given way. */
export const sandboxFaults = pgTable("sandbox_faults", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  method: text("method"),
  pathPrefix: text("path_prefix").notNull(),
  kind: text("kind").notNull(),
  remaining: integer("remaining").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
