-- CreateTable
CREATE TABLE "CacheGeneration" (
    "key" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CacheGeneration_pkey" PRIMARY KEY ("key")
);
