-- Imports run as jobs: the file is kept on the import, a lease says which machine works on it,
-- and the report is one row per CSV line, written with its product (decision 034).
ALTER TABLE "ProductImport" DROP COLUMN "report";
ALTER TABLE "ProductImport" ADD COLUMN "source" TEXT NOT NULL DEFAULT '';
ALTER TABLE "ProductImport" ADD COLUMN "leaseUntil" DATETIME;
ALTER TABLE "ProductImport" ADD COLUMN "leasedBy" TEXT;
CREATE INDEX "ProductImport_status_leaseUntil_idx" ON "ProductImport"("status", "leaseUntil");

CREATE TABLE "ProductImportRow" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "importId" INTEGER NOT NULL,
    "row" INTEGER NOT NULL,
    "productId" INTEGER,
    "slug" TEXT,
    "errors" TEXT,
    CONSTRAINT "ProductImportRow_importId_fkey" FOREIGN KEY ("importId") REFERENCES "ProductImport" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "ProductImportRow_importId_row_key" ON "ProductImportRow"("importId", "row");
