ALTER TABLE "operations" ADD COLUMN "earlier_refunds" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "order_change" jsonb;--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "decision_seen_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "operations_requests_by_actor_idx" ON "operations" USING btree ("actor_id","created_at") WHERE approval_required;