ALTER TABLE "Exporter" ADD COLUMN "recheckRequestedAt" TIMESTAMP(3);
