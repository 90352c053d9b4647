-- pg_trgm indexes the search box's partial matches; it ships with PostgreSQL (contrib) and PGlite, and is a
-- trusted extension: the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DROP INDEX "applications_state_idx";--> statement-breakpoint
DROP INDEX "applications_updated_at_idx";--> statement-breakpoint
DROP INDEX "applications_order_number_idx";--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "customer_phone" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Rows indexed before this migration: folded here like lib/db/search-text.ts does (a unit test compares the two);
-- the phone arrives with the next read of each application.
UPDATE "applications" SET "search_text" = lower(translate(concat_ws(chr(1), "id", "order_number", "variable_symbol", "customer_name", "customer_email"), 'áäàâãåăąčćçďđéěëèêęíìîïľĺłňńñóöôòõőøřŕšśşťţúůüùûűýÿžźżÁÄÀÂÃÅĂĄČĆÇĎĐÉĚËÈÊĘÍÌÎÏĽĹŁŇŃÑÓÖÔÒÕŐØŘŔŠŚŞŤŢÚŮÜÙÛŰÝŸŽŹŻ', 'aaaaaaaacccddeeeeeeiiiilllnnnooooooorrsssttuuuuuuyyzzzAAAAAAAACCCDDEEEEEEIIIILLLNNNOOOOOOORRSSSTTUUUUUUYYZZZ'));--> statement-breakpoint
-- A search's selectivity is estimated from sampled values: 1,000 of them (not 100) let the planner tell a
-- surname in 3 % of rows from a full name in 0.3 % (walk the newest rows, or look the matches up).
ALTER TABLE "applications" ALTER COLUMN "search_text" SET STATISTICS 1000;--> statement-breakpoint
CREATE INDEX "applications_lower_id_idx" ON "applications" USING btree (lower("id"));--> statement-breakpoint
CREATE INDEX "applications_lower_order_number_idx" ON "applications" USING btree (lower("order_number"));--> statement-breakpoint
CREATE INDEX "applications_search_idx" ON "applications" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "applications_updated_idx" ON "applications" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "applications_state_updated_idx" ON "applications" USING btree ("state","updated_at","id");--> statement-breakpoint
CREATE INDEX "applications_substate_updated_idx" ON "applications" USING btree ("state_reason","updated_at","id");--> statement-breakpoint
CREATE INDEX "applications_type_updated_idx" ON "applications" USING btree ("financing_type","updated_at","id");--> statement-breakpoint
CREATE INDEX "applications_total_idx" ON "applications" USING btree ("total_amount","id");--> statement-breakpoint
CREATE INDEX "applications_customer_idx" ON "applications" USING btree (coalesce("customer_name", ''),"id");--> statement-breakpoint
CREATE INDEX "applications_order_number_idx" ON "applications" USING btree ("order_number","id");