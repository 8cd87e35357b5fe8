-- Shipping profiles per exporter and market, the pavilion's domestic legs, and what each order part charged
-- for shipping and promised as a delivery window (issue 13, decision 023).
-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "shippingMinor" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "OrderPart" ADD COLUMN     "deliveryFrom" TIMESTAMP(3),
ADD COLUMN     "deliveryTo" TIMESTAMP(3),
ADD COLUMN     "shippingMinor" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "shipsFrom" TEXT;

-- CreateTable
CREATE TABLE "ShippingProfile" (
    "id" SERIAL NOT NULL,
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
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShippingProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShippingBand" (
    "id" SERIAL NOT NULL,
    "profileId" INTEGER NOT NULL,
    "upToGrams" INTEGER NOT NULL,
    "priceMinor" INTEGER NOT NULL,

    CONSTRAINT "ShippingBand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DomesticLeg" (
    "id" SERIAL NOT NULL,
    "hub" TEXT NOT NULL,
    "destination" TEXT NOT NULL,
    "minDays" INTEGER NOT NULL,
    "maxDays" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "estimate" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "DomesticLeg_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ShippingProfile_exporterId_marketCode_key" ON "ShippingProfile"("exporterId", "marketCode");

-- CreateIndex
CREATE UNIQUE INDEX "ShippingBand_profileId_upToGrams_key" ON "ShippingBand"("profileId", "upToGrams");

-- CreateIndex
CREATE UNIQUE INDEX "DomesticLeg_hub_destination_key" ON "DomesticLeg"("hub", "destination");

-- AddForeignKey
ALTER TABLE "ShippingProfile" ADD CONSTRAINT "ShippingProfile_exporterId_fkey" FOREIGN KEY ("exporterId") REFERENCES "Exporter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShippingBand" ADD CONSTRAINT "ShippingBand_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "ShippingProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;
