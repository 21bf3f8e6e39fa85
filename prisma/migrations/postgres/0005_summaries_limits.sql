-- Issue 13: the city roll-up kept per department and month, and the API rate limit shared by
-- every instance (docs/decisions/012).
CREATE TABLE "DepartmentSummary" (
  "departmentId" INTEGER NOT NULL,
  "year" INTEGER NOT NULL,
  "month" INTEGER NOT NULL,
  "builtVersion" INTEGER NOT NULL,
  "periodClosed" BOOLEAN NOT NULL,
  "dataJson" TEXT NOT NULL,
  "builtAt" TIMESTAMP(3) NOT NULL,
  CONSTRAINT "DepartmentSummary_pkey" PRIMARY KEY ("departmentId", "year", "month")
);
CREATE INDEX "DepartmentSummary_year_month_idx" ON "DepartmentSummary"("year", "month");

CREATE TABLE "SummaryVersion" (
  "departmentId" INTEGER NOT NULL,
  "shard" INTEGER NOT NULL,
  "version" INTEGER NOT NULL,
  CONSTRAINT "SummaryVersion_pkey" PRIMARY KEY ("departmentId", "shard")
);

-- Counts that need no durability: unlogged (no WAL writes; emptied after a crash).
CREATE UNLOGGED TABLE "RateWindow" (
  "key" TEXT NOT NULL,
  "window" INTEGER NOT NULL,
  "count" INTEGER NOT NULL,
  CONSTRAINT "RateWindow_pkey" PRIMARY KEY ("key")
);
