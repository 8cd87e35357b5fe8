-- CreateTable
CREATE TABLE "CategoryTarget" (
    "categoryId" INTEGER NOT NULL,
    "usdMinor" BIGINT NOT NULL,
    "source" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CategoryTarget_pkey" PRIMARY KEY ("categoryId")
);

-- CreateTable
CREATE TABLE "SalesDaily" (
    "day" TIMESTAMP(3) NOT NULL,
    "productId" INTEGER NOT NULL,
    "market" TEXT NOT NULL,
    "categoryId" INTEGER NOT NULL,
    "sectorId" INTEGER NOT NULL,
    "exporterId" INTEGER NOT NULL,
    "regionId" INTEGER NOT NULL,
    "orders" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,
    "usdMinor" BIGINT NOT NULL,

    CONSTRAINT "SalesDaily_pkey" PRIMARY KEY ("day","productId","market")
);

-- CreateTable
CREATE TABLE "ProductDaily" (
    "productId" INTEGER NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "exporterId" INTEGER NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "addToCarts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ProductDaily_pkey" PRIMARY KEY ("productId","day")
);

-- CreateTable
CREATE TABLE "SearchTermDaily" (
    "productId" INTEGER NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "term" TEXT NOT NULL,
    "exporterId" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "SearchTermDaily_pkey" PRIMARY KEY ("productId","day","term")
);

-- CreateTable
CREATE TABLE "AnalyticsEvent" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "productId" INTEGER NOT NULL,
    "term" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnalyticsEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressFigure" (
    "dimension" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "usdMinor" BIGINT NOT NULL DEFAULT 0,
    "orders" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ProgressFigure_pkey" PRIMARY KEY ("dimension","key")
);

-- CreateTable
CREATE TABLE "ProgressState" (
    "id" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3),
    "demo" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ProgressState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SalesDaily_exporterId_day_idx" ON "SalesDaily"("exporterId", "day");

-- CreateIndex
CREATE INDEX "SalesDaily_categoryId_day_idx" ON "SalesDaily"("categoryId", "day");

-- CreateIndex
CREATE INDEX "ProductDaily_exporterId_day_idx" ON "ProductDaily"("exporterId", "day");

-- CreateIndex
CREATE INDEX "SearchTermDaily_exporterId_day_idx" ON "SearchTermDaily"("exporterId", "day");


