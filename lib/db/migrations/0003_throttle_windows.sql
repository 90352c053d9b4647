CREATE TABLE "throttle_windows" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"ends_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "throttle_windows_ends_idx" ON "throttle_windows" USING btree ("ends_at");