-- Issue 13 items 2b, 8 and 4: the CBEC risk notice confirmed with an order, one name per tour traveller,
-- the rounding of converted tour prices per currency, and a user's chosen time zone.
ALTER TABLE "Order" ADD COLUMN "riskNoticeVersion" TEXT;
ALTER TABLE "Order" ADD COLUMN "riskNoticeAcceptedAt" DATETIME;
ALTER TABLE "OrderLine" ADD COLUMN "travellerNames" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "Currency" ADD COLUMN "tourRoundingMinor" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "User" ADD COLUMN "timeZone" TEXT;
