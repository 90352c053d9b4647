CREATE TABLE "customer_emails" (
	"operation_id" text PRIMARY KEY NOT NULL,
	"application_id" text NOT NULL,
	"status" text NOT NULL,
	"recipient" text NOT NULL,
	"language" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"actor_id" text NOT NULL,
	"actor_name" text NOT NULL,
	"attempt" integer DEFAULT 1 NOT NULL,
	"smtp_response" text,
	"error" text,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"failed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sandbox_outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"envelope_from" text NOT NULL,
	"envelope_to" text[] NOT NULL,
	"from_header" text DEFAULT '' NOT NULL,
	"to_header" text DEFAULT '' NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"message_id" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "customer_emails_application_idx" ON "customer_emails" USING btree ("application_id","claimed_at");--> statement-breakpoint
CREATE INDEX "sandbox_outbox_received_idx" ON "sandbox_outbox" USING btree ("received_at");