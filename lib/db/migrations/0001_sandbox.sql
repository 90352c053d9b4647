CREATE TABLE "sandbox_applications" (
	"id" text PRIMARY KEY NOT NULL,
	"order_number" text NOT NULL,
	"merchant_id" text DEFAULT '' NOT NULL,
	"variable_symbols" text[] NOT NULL,
	"data" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sandbox_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"application_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"status" integer NOT NULL,
	"operation" text NOT NULL,
	"changed" boolean NOT NULL,
	"request" jsonb,
	"outcome" jsonb,
	"fault" text
);
--> statement-breakpoint
CREATE TABLE "sandbox_faults" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sandbox_faults_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"method" text,
	"path_prefix" text NOT NULL,
	"kind" text NOT NULL,
	"remaining" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_tokens" (
	"token" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_applications_order_idx" ON "sandbox_applications" USING btree ("order_number","merchant_id");--> statement-breakpoint
CREATE INDEX "sandbox_applications_created_idx" ON "sandbox_applications" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "sandbox_events_application_idx" ON "sandbox_events" USING btree ("application_id","id");