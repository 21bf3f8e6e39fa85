-- Issue 13: the city roll-up kept per department and month, and the API rate limit shared by
-- every instance (docs/decisions/012).
CREATE TABLE "DepartmentSummary" (
  "departmentId" INTEGER NOT NULL,
  "year" INTEGER NOT NULL,
  "month" INTEGER NOT NULL,
  "builtVersion" INTEGER NOT NULL,
  "periodClosed" BOOLEAN NOT NULL,
  "dataJson" TEXT NOT NULL,
  "builtAt" DATETIME NOT NULL,
  PRIMARY KEY ("departmentId", "year", "month")
);
CREATE INDEX "DepartmentSummary_year_month_idx" ON "DepartmentSummary"("year", "month");

CREATE TABLE "SummaryVersion" (
  "departmentId" INTEGER NOT NULL,
  "shard" INTEGER NOT NULL,
  "version" INTEGER NOT NULL,
  PRIMARY KEY ("departmentId", "shard")
);

CREATE TABLE "RateWindow" (
  "key" TEXT NOT NULL PRIMARY KEY,
  "window" INTEGER NOT NULL,
  "count" INTEGER NOT NULL
);
