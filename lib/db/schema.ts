// The app's one database schema (Drizzle). Money columns hold integer minor units (haléře).
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
import type { SandboxApplication } from "@/lib/sandbox/model";

const money = (name: string) => bigint(name, { mode: "number" });

/**
 * Every application the admin has seen (Skip Pay has no list endpoint, so the admin keeps its own index).
 * Refreshed from each Skip Pay response that carries the application.
 */
export const applications = pgTable(
  "applications",
  {
    id: text("id").primaryKey(),
    orderNumber: text("order_number").notNull(),
    variableSymbol: text("variable_symbol"),
    customerName: text("customer_name"),
    customerEmail: text("customer_email"),
    financingType: text("financing_type"),
    state: text("state").notNull(),
    stateReason: text("state_reason").notNull(),
    orderState: text("order_state"),
    totalAmount: money("total_amount").notNull(),
    originalTotalAmount: money("original_total_amount").notNull(),
    currency: text("currency").notNull(),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("applications_order_number_idx").on(t.orderNumber),
    index("applications_variable_symbol_idx").on(t.variableSymbol),
    index("applications_state_idx").on(t.state, t.updatedAt),
    index("applications_updated_at_idx").on(t.updatedAt),
  ],
);

// ── Embedded Skip Pay sandbox (lib/sandbox). Only used when SKIPPAY_BASE_URL points at this app's /sandbox. ──

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
