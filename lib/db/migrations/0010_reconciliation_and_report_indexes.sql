ALTER TABLE "applications" ADD COLUMN "journal_taken" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- What one journal row takes off its order: the same sum as the order page's ledger (lib/orders/ledger.ts).
CREATE FUNCTION "operations_journal_taken"(status text, intent text, cancelled_value bigint, refund bigint)
RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN status = 'succeeded'
    THEN cancelled_value + CASE WHEN intent IN ('return', 'return-all', 'refund') THEN refund ELSE 0 END
    ELSE 0 END
$$;--> statement-breakpoint
UPDATE "applications" a SET "journal_taken" = t.taken FROM (
  SELECT "application_id", sum("operations_journal_taken"("status", "intent", "cancelled_value", "refund")) AS taken
  FROM "operations" GROUP BY "application_id"
) t WHERE t."application_id" = a."id" AND t.taken <> 0;--> statement-breakpoint
-- Every change to the journal moves its application's sum by what it changed, in the same transaction.
CREATE FUNCTION "operations_keep_journal_taken"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  before_taken bigint := 0;
  after_taken bigint := 0;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    before_taken := "operations_journal_taken"(OLD."status", OLD."intent", OLD."cancelled_value", OLD."refund");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    after_taken := "operations_journal_taken"(NEW."status", NEW."intent", NEW."cancelled_value", NEW."refund");
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF before_taken <> 0 THEN
      UPDATE "applications" SET "journal_taken" = "journal_taken" - before_taken WHERE "id" = OLD."application_id";
    END IF;
  ELSIF TG_OP = 'UPDATE' AND OLD."application_id" IS DISTINCT FROM NEW."application_id" THEN
    UPDATE "applications" SET "journal_taken" = "journal_taken" - before_taken WHERE "id" = OLD."application_id";
    UPDATE "applications" SET "journal_taken" = "journal_taken" + after_taken WHERE "id" = NEW."application_id";
  ELSIF after_taken <> before_taken THEN
    UPDATE "applications" SET "journal_taken" = "journal_taken" + after_taken - before_taken
      WHERE "id" = NEW."application_id";
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "operations_keep_journal_taken" AFTER INSERT OR UPDATE OR DELETE ON "operations"
  FOR EACH ROW EXECUTE FUNCTION "operations_keep_journal_taken"();--> statement-breakpoint
-- An application indexed after operations on it were journalled starts from their sum.
CREATE FUNCTION "applications_start_journal_taken"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."journal_taken" := coalesce((
    SELECT sum("operations_journal_taken"(o."status", o."intent", o."cancelled_value", o."refund"))
    FROM "operations" o WHERE o."application_id" = NEW."id"
  ), 0);
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "applications_start_journal_taken" BEFORE INSERT ON "applications"
  FOR EACH ROW EXECUTE FUNCTION "applications_start_journal_taken"();--> statement-breakpoint
CREATE INDEX "applications_journal_drift_idx" ON "applications" USING btree (("total_amount" - ("original_total_amount" - "journal_taken")));--> statement-breakpoint
CREATE INDEX "operations_report_idx" ON "operations" USING btree ("finished_at","intent","reason","actor_id","actor_name","application_id","cancelled_value","refund") WHERE "operations"."status" = 'succeeded';
