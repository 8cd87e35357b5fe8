-- A parcel's stage after shipping (decision 030).
ALTER TABLE "OrderPart" ADD COLUMN "stage" TEXT;
UPDATE "OrderPart" SET "stage" = CASE WHEN "deliveredAt" IS NOT NULL THEN 'delivered' ELSE 'shipped' END WHERE "shippedAt" IS NOT NULL;
