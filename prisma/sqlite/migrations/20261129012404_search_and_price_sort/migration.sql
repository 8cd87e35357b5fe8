-- RedefineTables (the CHECKs of the init migration are repeated by hand: Prisma does not know them)
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Product" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "exporterId" INTEGER NOT NULL,
    "categoryId" INTEGER NOT NULL,
    "hsCode" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "statusReason" TEXT,
    "saleMode" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "basePriceMinor" INTEGER NOT NULL CHECK ("basePriceMinor" >= 0),
    "baseCurrency" TEXT NOT NULL,
    "stock" INTEGER NOT NULL DEFAULT 0 CHECK ("stock" >= 0),
    "minOrderQuantity" INTEGER NOT NULL DEFAULT 1 CHECK ("minOrderQuantity" >= 1),
    "originRegionId" INTEGER NOT NULL,
    "netWeightGrams" INTEGER,
    "shelfLifeDays" INTEGER,
    "featured" BOOLEAN NOT NULL DEFAULT false,
    "sortPriceUsdMinor" INTEGER NOT NULL DEFAULT 0,
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Product_exporterId_fkey" FOREIGN KEY ("exporterId") REFERENCES "Exporter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Product_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Product_originRegionId_fkey" FOREIGN KEY ("originRegionId") REFERENCES "Region" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Product" ("baseCurrency", "basePriceMinor", "categoryId", "createdAt", "exporterId", "featured", "hsCode", "id", "minOrderQuantity", "netWeightGrams", "originRegionId", "publishedAt", "saleMode", "shelfLifeDays", "slug", "status", "statusReason", "stock", "unit", "updatedAt") SELECT "baseCurrency", "basePriceMinor", "categoryId", "createdAt", "exporterId", "featured", "hsCode", "id", "minOrderQuantity", "netWeightGrams", "originRegionId", "publishedAt", "saleMode", "shelfLifeDays", "slug", "status", "statusReason", "stock", "unit", "updatedAt" FROM "Product";
DROP TABLE "Product";
ALTER TABLE "new_Product" RENAME TO "Product";
CREATE UNIQUE INDEX "Product_slug_key" ON "Product"("slug");
CREATE INDEX "Product_categoryId_status_idx" ON "Product"("categoryId", "status");
CREATE INDEX "Product_exporterId_status_idx" ON "Product"("exporterId", "status");
CREATE INDEX "Product_status_featured_idx" ON "Product"("status", "featured");
CREATE INDEX "Product_status_sortPriceUsdMinor_idx" ON "Product"("status", "sortPriceUsdMinor");
CREATE INDEX "Product_status_publishedAt_idx" ON "Product"("status", "publishedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Product search (hand-written; Prisma leaves these tables alone, see prisma.config.ts).
-- rowid = Product.id. Text is pre-tokenised by app/modules/catalog/search-text.ts: words,
-- Chinese single characters and Chinese character pairs, so 1- and 2-character queries match.
CREATE VIRTUAL TABLE "product_search" USING fts5(
  name_words, name_uni, name_bi, body_words, body_uni, body_bi, codes,
  tokenize = 'unicode61 remove_diacritics 0'
);
