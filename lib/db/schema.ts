// The app's one database schema (Drizzle). Money columns hold integer minor units (haléře).
import { bigint, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

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
