-- CreateIndex
CREATE INDEX "Product_categoryId_status_featured_id_idx" ON "Product"("categoryId", "status", "featured", "id");
