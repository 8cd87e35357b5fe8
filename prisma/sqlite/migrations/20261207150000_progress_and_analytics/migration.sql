-- CreateTable
CREATE TABLE "CategoryTarget" (
    "categoryId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "usdMinor" BIGINT NOT NULL,
    "source" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SalesDaily" (
    "day" DATETIME NOT NULL,
    "productId" INTEGER NOT NULL,
    "market" TEXT NOT NULL,
    "categoryId" INTEGER NOT NULL,
    "sectorId" INTEGER NOT NULL,
    "exporterId" INTEGER NOT NULL,
    "regionId" INTEGER NOT NULL,
    "orders" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,
    "usdMinor" BIGINT NOT NULL,

    PRIMARY KEY ("day", "productId", "market")
);

-- CreateTable
CREATE TABLE "ProductDaily" (
    "productId" INTEGER NOT NULL,
    "day" DATETIME NOT NULL,
    "exporterId" INTEGER NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "addToCarts" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("productId", "day")
);

-- CreateTable
CREATE TABLE "SearchTermDaily" (
    "productId" INTEGER NOT NULL,
    "day" DATETIME NOT NULL,
    "term" TEXT NOT NULL,
    "exporterId" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("productId", "day", "term")
);

-- CreateTable
CREATE TABLE "AnalyticsEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "productId" INTEGER NOT NULL,
    "term" TEXT,
    "occurredAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ProgressFigure" (
    "dimension" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "usdMinor" BIGINT NOT NULL DEFAULT 0,
    "orders" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("dimension", "key")
);

-- CreateTable
CREATE TABLE "ProgressState" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "computedAt" DATETIME,
    "demo" BOOLEAN NOT NULL DEFAULT false
);

-- CreateIndex
CREATE INDEX "SalesDaily_exporterId_day_idx" ON "SalesDaily"("exporterId", "day");

-- CreateIndex
CREATE INDEX "SalesDaily_categoryId_day_idx" ON "SalesDaily"("categoryId", "day");

-- CreateIndex
CREATE INDEX "ProductDaily_exporterId_day_idx" ON "ProductDaily"("exporterId", "day");

-- CreateIndex
CREATE INDEX "SearchTermDaily_exporterId_day_idx" ON "SearchTermDaily"("exporterId", "day");


