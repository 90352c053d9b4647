ALTER TABLE "operations" ADD COLUMN "basis_seen" jsonb;--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "resolved_by_id" text;--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "resolved_by_name" text;--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "resolution_note" text;