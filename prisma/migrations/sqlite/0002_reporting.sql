-- Reporting (issue 3): periods, reports with revisions, evidence, budget execution, login attempts.
ALTER TABLE "Indicator" ADD COLUMN "aggregation" TEXT NOT NULL DEFAULT 'auto';
ALTER TABLE "User" ADD COLUMN "apiTokenHash" TEXT;
CREATE UNIQUE INDEX "User_apiTokenHash_key" ON "User"("apiTokenHash");

CREATE TABLE "Period" (
  "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "year" INTEGER NOT NULL,
  "month" INTEGER NOT NULL,
  "deadline" DATETIME NOT NULL,
  "closed" BOOLEAN NOT NULL DEFAULT false,
  "reopened" BOOLEAN NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX "Period_year_month_key" ON "Period"("year", "month");

CREATE TABLE "Report" (
  "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "indicatorId" INTEGER NOT NULL,
  "organizationId" INTEGER NOT NULL,
  "year" INTEGER NOT NULL,
  "month" INTEGER NOT NULL,
  "revision" INTEGER NOT NULL DEFAULT 1,
  "current" BOOLEAN NOT NULL DEFAULT true,
  "status" TEXT NOT NULL DEFAULT 'draft',
  "version" INTEGER NOT NULL DEFAULT 1,
  "valueText" TEXT NOT NULL,
  "value" REAL,
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
  "submittedAt" DATETIME,
  "reviewedAt" DATETIME,
  "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt" DATETIME NOT NULL,
  CONSTRAINT "Report_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "Report_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Report_indicatorId_organizationId_year_month_revision_key" ON "Report"("indicatorId", "organizationId", "year", "month", "revision");
CREATE INDEX "Report_organizationId_year_month_idx" ON "Report"("organizationId", "year", "month");
CREATE INDEX "Report_indicatorId_year_month_idx" ON "Report"("indicatorId", "year", "month");
CREATE INDEX "Report_status_idx" ON "Report"("status");

CREATE TABLE "Evidence" (
  "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "reportId" INTEGER NOT NULL,
  "fileName" TEXT NOT NULL,
  "mime" TEXT NOT NULL,
  "size" INTEGER NOT NULL,
  "sha256" TEXT NOT NULL,
  "storageKey" TEXT NOT NULL,
  "uploadedById" INTEGER NOT NULL,
  "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "Evidence_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Evidence_storageKey_key" ON "Evidence"("storageKey");
CREATE INDEX "Evidence_reportId_idx" ON "Evidence"("reportId");

CREATE TABLE "BudgetExecution" (
  "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "projectId" INTEGER NOT NULL,
  "subProjectId" INTEGER,
  "year" INTEGER NOT NULL,
  "month" INTEGER NOT NULL,
  "spentYuan" INTEGER NOT NULL,
  "note" TEXT,
  "updatedById" INTEGER NOT NULL,
  "updatedAt" DATETIME NOT NULL,
  "version" INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX "BudgetExecution_projectId_subProjectId_year_month_key" ON "BudgetExecution"("projectId", "subProjectId", "year", "month");

CREATE TABLE "LoginAttempt" (
  "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "key" TEXT NOT NULL,
  "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "ok" BOOLEAN NOT NULL
);
CREATE INDEX "LoginAttempt_key_at_idx" ON "LoginAttempt"("key", "at");
