-- Self-evaluation settings and frozen versions (issue 5); target revisions and retiring (issue 6).
ALTER TABLE "Project" ADD COLUMN "retiredAt" TIMESTAMP(3);
ALTER TABLE "Goal" ADD COLUMN "retiredAt" TIMESTAMP(3);
ALTER TABLE "Indicator" ADD COLUMN "revisedTargetText" TEXT;
ALTER TABLE "Indicator" ADD COLUMN "retiredAt" TIMESTAMP(3);

CREATE TABLE "TargetRevision" (
  "id" SERIAL NOT NULL PRIMARY KEY,
  "indicatorId" INTEGER NOT NULL,
  "targetText" TEXT NOT NULL,
  "docNo" TEXT NOT NULL,
  "approvedOn" TEXT NOT NULL,
  "note" TEXT,
  "createdById" INTEGER NOT NULL,
  "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "TargetRevision_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "TargetRevision_indicatorId_idx" ON "TargetRevision"("indicatorId");

CREATE TABLE "Evaluation" (
  "id" SERIAL NOT NULL PRIMARY KEY,
  "year" INTEGER NOT NULL,
  "scope" TEXT NOT NULL,
  "settingsJson" TEXT NOT NULL DEFAULT '{}',
  "version" INTEGER NOT NULL DEFAULT 1,
  "updatedById" INTEGER,
  "updatedAt" TIMESTAMP(3) NOT NULL
);
CREATE UNIQUE INDEX "Evaluation_year_scope_key" ON "Evaluation"("year", "scope");

CREATE TABLE "EvaluationVersion" (
  "id" SERIAL NOT NULL PRIMARY KEY,
  "year" INTEGER NOT NULL,
  "scope" TEXT NOT NULL,
  "number" INTEGER NOT NULL,
  "dataJson" TEXT NOT NULL,
  "note" TEXT,
  "finalisedById" INTEGER NOT NULL,
  "finalisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "EvaluationVersion_year_scope_number_key" ON "EvaluationVersion"("year", "scope", "number");
