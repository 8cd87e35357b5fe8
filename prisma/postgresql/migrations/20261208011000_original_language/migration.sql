-- A quote message keeps the language it was written in (issue 14, decision 032): existing messages take
-- their author's language.
ALTER TABLE "QuoteMessage" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'en';
UPDATE "QuoteMessage" SET "locale" = "User"."locale" FROM "User" WHERE "User"."id" = "QuoteMessage"."authorId";
ALTER TABLE "QuoteMessage" ALTER COLUMN "locale" DROP DEFAULT;
