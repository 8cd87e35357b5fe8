-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "sortPriceUsdMinor" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Product_status_sortPriceUsdMinor_idx" ON "Product"("status", "sortPriceUsdMinor");

-- CreateIndex
CREATE INDEX "Product_status_publishedAt_idx" ON "Product"("status", "publishedAt");

-- Product search (hand-written; Prisma leaves this table alone, see prisma.config.ts).
-- The document is built from text pre-tokenised by app/modules/catalog/search-text.ts: words,
-- Chinese single characters and Chinese character pairs, so 1- and 2-character queries match.
CREATE TABLE "product_search" (
  "product_id" INTEGER PRIMARY KEY REFERENCES "Product"("id") ON DELETE CASCADE,
  "document" tsvector NOT NULL
);
CREATE INDEX "product_search_document_idx" ON "product_search" USING GIN ("document");
