-- CreateTable
CREATE TABLE "CbecBuyer" (
    "idHash" TEXT NOT NULL PRIMARY KEY,
    "lockedAt" DATETIME NOT NULL
);
