-- Reporting (issue 3): periods, reports with revisions, evidence, budget execution, login attempts.
ALTER TABLE "Indicator" ADD COLUMN "aggregation" TEXT NOT NULL DEFAULT 'auto';
ALTER TABLE "User" ADD COLUMN "apiTokenHash" TEXT;
CREATE UNIQUE INDEX "User_apiTokenHash_key" ON "User"("apiTokenHash");

CREATE TABLE "Period" (
  "id" SERIAL NOT NULL PRIMARY KEY,
  "year" INTEGER NOT NULL,
  "month" INTEGER NOT NULL,
  "deadline" TIMESTAMP(3) NOT NULL,
  "closed" BOOLEAN NOT NULL DEFAULT false,
  "reopened" BOOLEAN NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX "Period_year_month_key" ON "Period"("year", "month");

CREATE TABLE "Report" (
  "id" SERIAL NOT NULL PRIMARY KEY,
  "indicatorId" INTEGER NOT NULL,
  "organizationId" INTEGER NOT NULL,
  "year" INTEGER NOT NULL,
  "month" INTEGER NOT NULL,
  "revision" INTEGER NOT NULL DEFAULT 1,
  "current" BOOLEAN NOT NULL DEFAULT true,
  "status" TEXT NOT NULL DEFAULT 'draft',
  "version" INTEGER NOT NULL DEFAULT 1,
  "valueText" TEXT NOT NULL,
  "value" DOUBLE PRECISION,
  "tier" TEXT,
  "doneDate" TEXT,
  "note" TEXT,
  "deviationCategories" TEXT,
  "deviationReason" TEXT,
  "correctiveMeasure" TEXT,
  "forecastText" TEXT,
  "likelihood" TEXT,
  "reviewComment" TEXT,
  "createdById" INTEGER NOT NULL,
  "updatedById" INTEGER NOT NULL,
  "reviewedById" INTEGER,
  "submittedAt" TIMESTAMP(3),
  "reviewedAt" TIMESTAMP(3),
  "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt" TIMESTAMP(3) NOT NULL,
  CONSTRAINT "Report_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "Report_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Report_indicatorId_organizationId_year_month_revision_key" ON "Report"("indicatorId", "organizationId", "year", "month", "revision");
CREATE INDEX "Report_organizationId_year_month_idx" ON "Report"("organizationId", "year", "month");
CREATE INDEX "Report_indicatorId_year_month_idx" ON "Report"("indicatorId", "year", "month");
CREATE INDEX "Report_status_idx" ON "Report"("status");

CREATE TABLE "Evidence" (
  "id" SERIAL NOT NULL PRIMARY KEY,
  "reportId" INTEGER NOT NULL,
  "fileName" TEXT NOT NULL,
  "mime" TEXT NOT NULL,
  "size" INTEGER NOT NULL,
  "sha256" TEXT NOT NULL,
  "storageKey" TEXT NOT NULL,
  "uploadedById" INTEGER NOT NULL,
  "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "Evidence_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Evidence_storageKey_key" ON "Evidence"("storageKey");
CREATE INDEX "Evidence_reportId_idx" ON "Evidence"("reportId");

CREATE TABLE "BudgetExecution" (
  "id" SERIAL NOT NULL PRIMARY KEY,
  "projectId" INTEGER NOT NULL,
  "subProjectId" INTEGER,
  "year" INTEGER NOT NULL,
  "month" INTEGER NOT NULL,
  "spentYuan" INTEGER NOT NULL,
  "note" TEXT,
  "updatedById" INTEGER NOT NULL,
  "updatedAt" TIMESTAMP(3) NOT NULL,
  "version" INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX "BudgetExecution_projectId_subProjectId_year_month_key" ON "BudgetExecution"("projectId", "subProjectId", "year", "month");

CREATE TABLE "LoginAttempt" (
  "id" SERIAL NOT NULL PRIMARY KEY,
  "key" TEXT NOT NULL,
  "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "ok" BOOLEAN NOT NULL
);
CREATE INDEX "LoginAttempt_key_at_idx" ON "LoginAttempt"("key", "at");
