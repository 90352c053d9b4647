// The app's one database schema (Drizzle). Money columns hold integer minor units (haléře).
import { relations, sql } from "drizzle-orm";
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
import type { OrderBasis } from "@/lib/orders/basis";
import type { OperationRequest } from "@/lib/orders/forms/submission";
import type { OrderChange } from "@/lib/orders/outcome";
import type { IntentKind, Operation, Plan } from "@/lib/orders/plan-types";
import type { SkipPayErrorKind } from "@/lib/skippay/errors";

const money = (name: string) => bigint(name, { mode: "number" });

/**
 * Every application the admin has seen (Skip Pay has no list endpoint, so the admin keeps its own index).
 * Refreshed from each Skip Pay response that carries the application.
 *
 * Listed a page at a time by keyset (after the last row shown, never OFFSET), so every way the list can be
 * filtered and sorted has an index that ends in `id`, the tie-break: see lib/db/applications.ts and docs/deploy.md.
 */
export const applications = pgTable(
  "applications",
  {
    id: text("id").primaryKey(),
    orderNumber: text("order_number").notNull(),
    variableSymbol: text("variable_symbol"),
    customerName: text("customer_name"),
    customerEmail: text("customer_email"),
    customerPhone: text("customer_phone"),
    financingType: text("financing_type"),
    state: text("state").notNull(),
    stateReason: text("state_reason").notNull(),
    orderState: text("order_state"),
    totalAmount: money("total_amount").notNull(),
    originalTotalAmount: money("original_total_amount").notNull(),
    currency: text("currency").notNull(),
    /** What the search box matches: lower case, no accents, the phone as digits (lib/db/search-text.ts). */
    searchText: text("search_text").notNull().default(""),
    /** "Customer A–Z": surname first, in Czech alphabetical order, compared byte by byte (lib/db/sort-name.ts). */
    customerSort: text("customer_sort").notNull().default("~"),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the Skip Pay request this row was last written from was sent: an older answer arriving late loses. */
    readAt: timestamp("read_at", { withTimezone: true }),
    /**
     * What this admin's journal took off the order: cancelled value, plus refunds for returns and amount-only
     * refunds, of its succeeded operations. Kept by a trigger on `operations` (migration 0010), so reconciliation
     * reads the differences from an index instead of summing the whole journal on every page load.
     */
    journalTaken: money("journal_taken").notNull().default(0),
  },
  (t) => [
    // The search box's exact matches, whatever the case (a variable symbol is digits only).
    index("applications_lower_id_idx").on(sql`lower(${t.id})`),
    index("applications_lower_order_number_idx").on(sql`lower(${t.orderNumber})`),
    index("applications_variable_symbol_idx").on(t.variableSymbol),
    // Partial matches anywhere in the search text (pg_trgm).
    index("applications_search_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
    // The list: each filter by last update, and each sort, with the id as tie-break for the keyset.
    // Also INCLUDE (search_text), so that a search newest first is checked in the index (migration 0011).
    index("applications_updated_idx").on(t.updatedAt, t.id),
    index("applications_state_updated_idx").on(t.state, t.updatedAt, t.id),
    index("applications_substate_updated_idx").on(t.stateReason, t.updatedAt, t.id),
    index("applications_type_updated_idx").on(t.financingType, t.updatedAt, t.id),
    index("applications_total_idx").on(t.totalAmount, t.id),
    index("applications_order_number_idx").on(t.orderNumber, t.id),
    index("applications_customer_sort_idx").on(sql`${t.customerSort} collate "C"`, t.id),
    // Reconciliation: Skip Pay's total less the journal's expectation. Its statistics tell the planner how rare a
    // difference is (almost every row is 0), so the differing few are found by two range scans of this index.
    index("applications_journal_drift_idx").on(
      sql`(${t.totalAmount} - (${t.originalTotalAmount} - ${t.journalTaken}))`,
    ),
  ],
);

// ── Staff accounts (better-auth; lib/auth) ───────────────────────────────────────────────────────────────────

export const users = pgTable("users", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  /** viewer | agent | supervisor | admin (lib/auth/roles.ts). */
  role: text("role").notNull().default("viewer"),
  /** The UI language this person chose (cs | en); null = follow the browser. */
  locale: text("locale"),
  /** Disabled staff cannot sign in and their sessions stop working. */
  disabled: boolean("disabled").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    token: text("token").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const accounts = pgTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    /** scrypt hash (better-auth's default). */
    password: text("password"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // One password per person: setting it again (lib/auth/users.ts) replaces it instead of adding a second.
  (t) => [uniqueIndex("accounts_user_provider_idx").on(t.userId, t.providerId)],
);

// Relations let better-auth read a session with its user (and an account with its user) in one query
// (`advanced.database.joins` in lib/auth/auth.ts): every page, route handler and server action checks a session.
export const usersRelations = relations(users, ({ many }) => ({
  sessions: many(sessions),
  accounts: many(accounts),
}));
export const sessionsRelations = relations(sessions, ({ one }) => ({
  user: one(users, { fields: [sessions.userId], references: [users.id] }),
}));
export const accountsRelations = relations(accounts, ({ one }) => ({
  user: one(users, { fields: [accounts.userId], references: [users.id] }),
}));

export const verifications = pgTable("verifications", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Login rate limiting, shared by every app instance. */
export const rateLimits = pgTable("rate_limits", {
  id: text("id").primaryKey(),
  key: text("key").notNull().unique(),
  count: integer("count").notNull(),
  lastRequest: bigint("last_request", { mode: "number" }).notNull(),
});

/**
 * Our own fixed-window throttles (lib/db/rate-limits.ts): sign-in attempts per account or browser, Skip Pay's
 * notifications. Kept apart from better-auth's table, which prunes every row older than its own (one-minute)
 * windows — a 15-minute window stored there would be forgotten after a minute.
 */
export const throttleWindows = pgTable(
  "throttle_windows",
  {
    key: text("key").primaryKey(),
    count: integer("count").notNull(),
    /** When the window ends (ms since the epoch); the next event after it starts a new one. */
    endsAt: bigint("ends_at", { mode: "number" }).notNull(),
  },
  (t) => [index("throttle_windows_ends_idx").on(t.endsAt)],
);

// ── This database's own history (lib/db/history.ts) ─────────────────────────────────────────────────────────

/**
 * Facts about the database that outlive any one configuration, e.g. that it has run against a real Skip Pay
 * (then it never gets demo data or demo accounts). One row per fact: first seen at `createdAt`.
 */
export const databaseFacts = pgTable("database_facts", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// ── The operation journal (lib/operations): every operation, written before Skip Pay is called ──────────────

export const OPERATION_STATUSES = [
  "pending_approval",
  "rejected",
  "in_flight",
  "succeeded",
  "failed",
  "unknown",
  // The outcome stayed unclear past the lease: the lock is released and a supervisor records what happened.
  "needs_review",
  // Four eyes: the order changed between the request and its approval, so nothing was sent; the request went back
  // to its agent to plan again on the order as it is now.
  "needs_reconfirmation",
  // Its agent withdrew the request before anyone decided (or instead of confirming it again).
  "withdrawn",
] as const;

/** Skip Pay's answer to an operation: the application's state, substate and total after it. */
export interface OperationAnswer {
  state: string;
  stateReason: string;
  total: number;
}

/** Why an operation's call failed: the client's error kind, HTTP status, Skip Pay's message, whether it may have applied. */
export interface OperationError {
  kind: SkipPayErrorKind;
  status?: number;
  message: string;
  applied: "no" | "unknown";
}

export const operations = pgTable(
  "operations",
  {
    id: text("id").primaryKey(),
    /** One per submitted confirmation: a repeated submission (double click, browser retry) finds this row. */
    submissionId: text("submission_id").notNull().unique(),
    applicationId: text("application_id").notNull(),
    orderNumber: text("order_number"),
    actorId: text("actor_id").notNull(),
    actorName: text("actor_name").notNull(),
    intent: text("intent").$type<IntentKind>().notNull(),
    endpoint: text("endpoint").$type<Operation>().notNull(),
    /** Staff's reason (cancel, return, refund), Skip Pay's (cancelling the application), or none (send, deliver). */
    reason: text("reason").$type<OperationRequest["reason"]>(),
    note: text("note").notNull().default(""),
    /** The staff request as validated (intent + reason + note). */
    request: jsonb("request").$type<OperationRequest>().notNull(),
    /** Exactly what is sent to Skip Pay. */
    body: jsonb("body").$type<Plan["body"]>().notNull(),
    /** The whole plan (lib/orders/planner.ts): item changes, refund, VAT per rate, expected states. */
    plan: jsonb("plan").$type<Plan>().notNull(),
    refund: money("refund").notNull().default(0),
    cancelledValue: money("cancelled_value").notNull().default(0),
    totalBefore: money("total_before").notNull(),
    totalExpected: money("total_expected").notNull(),
    totalAfter: money("total_after"),
    /** The order as planned on, and as the plan expects it afterwards (lib/orders/basis.ts). */
    basisBefore: jsonb("basis_before").$type<OrderBasis>().notNull(),
    basisExpected: jsonb("basis_expected").$type<OrderBasis>().notNull(),
    status: text("status", { enum: OPERATION_STATUSES }).notNull(),
    approvalRequired: boolean("approval_required").notNull().default(false),
    decidedById: text("decided_by_id"),
    decidedByName: text("decided_by_name"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
    /** What the requester had refunded here without approval before this request (the approval rule's figures). */
    earlierRefunds: money("earlier_refunds").notNull().default(0),
    /** `needs_reconfirmation`: what changed in the order since the request, and which operations changed it. */
    orderChange: jsonb("order_change").$type<OrderChange>(),
    /** When the requester was shown the decision (a one-time notice the next time they open the admin). */
    decisionSeenAt: timestamp("decision_seen_at", { withTimezone: true }),
    /** Skip Pay's answer (application state, substate, total), or the error with its kind and `applied`. */
    response: jsonb("response").$type<OperationAnswer>(),
    error: jsonb("error").$type<OperationError>(),
    ticketId: text("ticket_id"),
    /** How an unknown outcome was settled: by re-reading the application ("applied" / "not_applied"). */
    reconciliation: text("reconciliation").$type<"applied" | "not_applied">(),
    /** The order as last read while the outcome was unclear: the evidence a supervisor decides `needs_review` on. */
    basisSeen: jsonb("basis_seen").$type<OrderBasis>(),
    /** Who recorded the outcome of a `needs_review` operation, when, and why. */
    resolvedById: text("resolved_by_id"),
    resolvedByName: text("resolved_by_name"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolutionNote: text("resolution_note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("operations_application_idx").on(t.applicationId, t.createdAt),
    index("operations_status_idx").on(t.status),
    // Reports and their CSV export: the operations finished in a range of days, walked by keyset (lib/reports).
    index("operations_finished_idx").on(t.finishedAt, t.id),
    // The report's statement (lib/reports/query.ts) from the index alone: the succeeded operations of a range of
    // days with every column it groups and sums, so no row of the (wide) journal is visited.
    index("operations_report_idx")
      .on(
        t.finishedAt,
        t.intent,
        t.reason,
        t.actorId,
        t.actorName,
        t.applicationId,
        t.cancelledValue,
        t.refund,
      )
      .where(sql`${t.status} = 'succeeded'`),
    // "My requests": a person's requests for approval, newest first.
    index("operations_requests_by_actor_idx").on(t.actorId, t.createdAt).where(sql`approval_required`),
    // The lock: at most one operation per application may be in flight or of unknown outcome — enforced by the
    // database, so it holds across every app instance.
    uniqueIndex("operations_one_active_per_application")
      .on(t.applicationId)
      .where(sql`status in ('in_flight', 'unknown')`),
  ],
);

/**
 * What staff record on an application's timeline besides operations: that they checked a difference between Skip
 * Pay's total and what this admin recorded (a change made outside this admin), with the amounts they saw.
 */
export const applicationNotes = pgTable(
  "application_notes",
  {
    id: text("id").primaryKey(),
    applicationId: text("application_id").notNull(),
    kind: text("kind").$type<"drift_checked">().notNull(),
    actorId: text("actor_id").notNull(),
    actorName: text("actor_name").notNull(),
    /** Skip Pay's total minus what this admin recorded, when it was checked. */
    drift: money("drift").notNull(),
    /** Skip Pay's total when it was checked. */
    total: money("total").notNull(),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("application_notes_application_idx").on(t.applicationId, t.createdAt)],
);

// ── E-mails to customers (lib/mail) ───────────────────────────────────────────────────────────────────────────

export const CUSTOMER_EMAIL_STATUSES = ["sending", "sent", "failed"] as const;

/**
 * The customer message of an operation, e-mailed to the application's customer: at most one per operation. The
 * row is claimed (`sending`) before the SMTP call, so a double click, a retry or a second instance finds it and
 * sends nothing; only a `failed` one may be claimed again (Resend). Never touches the operation itself.
 */
export const customerEmails = pgTable(
  "customer_emails",
  {
    operationId: text("operation_id").primaryKey(),
    applicationId: text("application_id").notNull(),
    status: text("status", { enum: CUSTOMER_EMAIL_STATUSES }).notNull(),
    recipient: text("recipient").notNull(),
    language: text("language").$type<"cs" | "en">().notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    /** Who sent (or last re-sent) it. */
    actorId: text("actor_id").notNull(),
    actorName: text("actor_name").notNull(),
    /** 1 for the first claim, +1 for each Resend: a late answer of an earlier attempt cannot overwrite a later one. */
    attempt: integer("attempt").notNull().default(1),
    /** The SMTP server's answer when it took the message, or why sending failed. */
    smtpResponse: text("smtp_response"),
    error: text("error"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    failedAt: timestamp("failed_at", { withTimezone: true }),
  },
  (t) => [index("customer_emails_application_idx").on(t.applicationId, t.claimedAt)],
);

/**
 * Sandbox only: every message the embedded SMTP server received (lib/mail/sandbox-smtp.ts), for the Outbox page —
 * so the whole flow can be seen with no mail account.
 */
export const sandboxOutbox = pgTable(
  "sandbox_outbox",
  {
    id: text("id").primaryKey(),
    envelopeFrom: text("envelope_from").notNull(),
    envelopeTo: text("envelope_to").array().notNull(),
    fromHeader: text("from_header").notNull().default(""),
    toHeader: text("to_header").notNull().default(""),
    subject: text("subject").notNull().default(""),
    body: text("body").notNull().default(""),
    messageId: text("message_id"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sandbox_outbox_received_idx").on(t.receivedAt)],
);
