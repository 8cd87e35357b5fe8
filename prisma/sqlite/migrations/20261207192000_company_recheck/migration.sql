ALTER TABLE "Exporter" ADD COLUMN "recheckRequestedAt" DATETIME;
