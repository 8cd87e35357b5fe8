-- Mail delivery with retries (issue 16); pg-boss keeps its jobs in its own schema ("pgboss").
ALTER TABLE "OutboxMessage" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "lastError" TEXT,
ADD COLUMN "failedAt" TIMESTAMP(3);
