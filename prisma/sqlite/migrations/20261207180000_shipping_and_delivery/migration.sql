-- Shipping profiles per exporter and market, the pavilion's domestic legs, and what each order part charged
-- for shipping and promised as a delivery window (issue 13, decision 023).
-- CreateTable
CREATE TABLE "ShippingProfile" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "exporterId" INTEGER NOT NULL,
    "marketCode" TEXT NOT NULL,
    "rateKind" TEXT NOT NULL DEFAULT 'per_item',
    "perItemMinor" INTEGER NOT NULL DEFAULT 0,
    "freeFromMinor" INTEGER,
    "handlingDays" INTEGER NOT NULL DEFAULT 1,
    "shipWithinHours" INTEGER NOT NULL DEFAULT 48,
    "shipsFrom" TEXT NOT NULL DEFAULT 'direct',
    "bondedMinDays" INTEGER,
    "bondedMaxDays" INTEGER,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ShippingProfile_exporterId_fkey" FOREIGN KEY ("exporterId") REFERENCES "Exporter" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ShippingBand" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "profileId" INTEGER NOT NULL,
    "upToGrams" INTEGER NOT NULL,
    "priceMinor" INTEGER NOT NULL,
    CONSTRAINT "ShippingBand_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "ShippingProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DomesticLeg" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "hub" TEXT NOT NULL,
    "destination" TEXT NOT NULL,
    "minDays" INTEGER NOT NULL,
    "maxDays" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "estimate" BOOLEAN NOT NULL DEFAULT true
);

ALTER TABLE "Order" ADD COLUMN "shippingMinor" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "OrderPart" ADD COLUMN "shippingMinor" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "OrderPart" ADD COLUMN "shipsFrom" TEXT;
ALTER TABLE "OrderPart" ADD COLUMN "deliveryFrom" DATETIME;
ALTER TABLE "OrderPart" ADD COLUMN "deliveryTo" DATETIME;


-- CreateIndex
CREATE UNIQUE INDEX "ShippingProfile_exporterId_marketCode_key" ON "ShippingProfile"("exporterId", "marketCode");

-- CreateIndex
CREATE UNIQUE INDEX "ShippingBand_profileId_upToGrams_key" ON "ShippingBand"("profileId", "upToGrams");

-- CreateIndex
CREATE UNIQUE INDEX "DomesticLeg_hub_destination_key" ON "DomesticLeg"("hub", "destination");
