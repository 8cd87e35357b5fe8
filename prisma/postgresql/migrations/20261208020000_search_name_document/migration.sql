-- Product search (hand-written, like the table itself): the name part of each document (weight A:
-- name words, name characters and codes), kept by PostgreSQL itself, with its own GIN index. A
-- broad query (мёд matches 15–19k of 100,000 products) ranks only its best name matches and the
-- rest of a capped candidate set, instead of reading and ranking every matching document
-- (app/modules/catalog/search-index.server.ts, decision 026).
ALTER TABLE "product_search"
  ADD COLUMN "name_document" tsvector GENERATED ALWAYS AS (ts_filter("document", '{a}')) STORED;
CREATE INDEX "product_search_name_document_idx" ON "product_search" USING GIN ("name_document");
