-- A quote message keeps the language it was written in (issue 14, decision 032): existing messages take
-- their author's language.
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_QuoteMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "requestId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuoteMessage_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "QuoteRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_QuoteMessage" ("id", "requestId", "authorId", "body", "locale", "createdAt")
SELECT "id", "requestId", "authorId", "body", COALESCE((SELECT "locale" FROM "User" WHERE "User"."id" = "QuoteMessage"."authorId"), 'en'), "createdAt"
FROM "QuoteMessage";
DROP TABLE "QuoteMessage";
ALTER TABLE "new_QuoteMessage" RENAME TO "QuoteMessage";
CREATE INDEX "QuoteMessage_requestId_createdAt_idx" ON "QuoteMessage"("requestId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
