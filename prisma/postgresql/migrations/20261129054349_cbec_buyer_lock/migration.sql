-- CreateTable
CREATE TABLE "CbecBuyer" (
    "idHash" TEXT NOT NULL,
    "lockedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CbecBuyer_pkey" PRIMARY KEY ("idHash")
);
