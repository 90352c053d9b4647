CREATE TABLE "applications" (
	"id" text PRIMARY KEY NOT NULL,
	"order_number" text NOT NULL,
	"variable_symbol" text,
	"customer_name" text,
	"customer_email" text,
	"financing_type" text,
	"state" text NOT NULL,
	"state_reason" text NOT NULL,
	"order_state" text,
	"total_amount" bigint NOT NULL,
	"original_total_amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "applications_order_number_idx" ON "applications" USING btree ("order_number");--> statement-breakpoint
CREATE INDEX "applications_variable_symbol_idx" ON "applications" USING btree ("variable_symbol");--> statement-breakpoint
CREATE INDEX "applications_state_idx" ON "applications" USING btree ("state","updated_at");--> statement-breakpoint
CREATE INDEX "applications_updated_at_idx" ON "applications" USING btree ("updated_at");