CREATE TABLE "database_facts" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "accounts_user_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_user_provider_idx" ON "accounts" USING btree ("user_id","provider_id");