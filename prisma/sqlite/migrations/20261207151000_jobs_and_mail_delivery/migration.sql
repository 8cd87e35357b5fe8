-- Mail delivery with retries (issue 16); pg-boss keeps its jobs in its own schema on PostgreSQL.
ALTER TABLE "OutboxMessage" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "OutboxMessage" ADD COLUMN "lastError" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "failedAt" DATETIME;
