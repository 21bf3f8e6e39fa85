-- Jixiao initial schema (PostgreSQL). Mirrors prisma/schema.prisma; tests/schema.test.ts checks it.
CREATE TABLE "Year" (
  "year" INTEGER NOT NULL PRIMARY KEY,
  "status" TEXT NOT NULL DEFAULT 'open',
  "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "Department" (
  "id" SERIAL NOT NULL PRIMARY KEY,
  "code" TEXT NOT NULL,
  "name" TEXT NOT NULL
);
CREATE UNIQUE INDEX "Department_code_key" ON "Department"("code");

CREATE TABLE "DepartmentProfile" (
  "id" SERIAL NOT NULL PRIMARY KEY,
  "departmentId" INTEGER NOT NULL,
  "year" INTEGER NOT NULL,
  "filler" TEXT,
  "phone" TEXT,
  "overview" TEXT,
  "tasks" TEXT,
  "detailJson" TEXT NOT NULL,
  CONSTRAINT "DepartmentProfile_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "DepartmentProfile_departmentId_year_key" ON "DepartmentProfile"("departmentId", "year");

CREATE TABLE "Organization" (
  "id" SERIAL NOT NULL PRIMARY KEY,
  "departmentId" INTEGER NOT NULL,
  "code" TEXT,
  "name" TEXT NOT NULL,
  "shortName" TEXT,
  "kind" TEXT NOT NULL,
  "parentId" INTEGER,
  "sortOrder" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "Organization_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "Organization_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Organization_code_key" ON "Organization"("code");
CREATE UNIQUE INDEX "Organization_departmentId_name_key" ON "Organization"("departmentId", "name");

CREATE TABLE "OrgAlias" (
  "id" SERIAL NOT NULL PRIMARY KEY,
  "alias" TEXT NOT NULL,
  "organizationId" INTEGER NOT NULL,
  CONSTRAINT "OrgAlias_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "OrgAlias_alias_organizationId_key" ON "OrgAlias"("alias", "organizationId");
CREATE INDEX "OrgAlias_alias_idx" ON "OrgAlias"("alias");

CREATE TABLE "Project" (
  "id" SERIAL NOT NULL PRIMARY KEY,
  "departmentId" INTEGER NOT NULL,
  "year" INTEGER NOT NULL,
  "code" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "tableNo" TEXT NOT NULL,
  "sortOrder" INTEGER NOT NULL,
  "category" TEXT,
  "attribute" TEXT,
  "executingUnitText" TEXT,
  "lead" TEXT,
  "startYear" TEXT,
  "endYear" TEXT,
  "reason" TEXT,
  "content" TEXT,
  "totalBudget" TEXT,
  "currentBudget" TEXT,
  "currentBudgetYuan" INTEGER,
  "budgetHistory" TEXT,
  "detailJson" TEXT NOT NULL,
  "amountsJson" TEXT NOT NULL,
  CONSTRAINT "Project_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Project_departmentId_year_code_key" ON "Project"("departmentId", "year", "code");
CREATE INDEX "Project_year_idx" ON "Project"("year");

CREATE TABLE "SubProject" (
  "id" SERIAL NOT NULL PRIMARY KEY,
  "projectId" INTEGER NOT NULL,
  "code" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "unitText" TEXT NOT NULL,
  "unitId" INTEGER,
  "sortOrder" INTEGER NOT NULL,
  "totalYuan" INTEGER NOT NULL,
  "amountsJson" TEXT NOT NULL,
  CONSTRAINT "SubProject_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "SubProject_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "SubProject_projectId_code_key" ON "SubProject"("projectId", "code");

CREATE TABLE "Goal" (
  "id" SERIAL NOT NULL PRIMARY KEY,
  "departmentId" INTEGER NOT NULL,
  "projectId" INTEGER,
  "year" INTEGER NOT NULL,
  "tableNo" TEXT NOT NULL,
  "term" TEXT NOT NULL,
  "goalNo" INTEGER,
  "text" TEXT NOT NULL,
  "sortOrder" INTEGER NOT NULL,
  CONSTRAINT "Goal_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "Goal_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "Goal_year_tableNo_idx" ON "Goal"("year", "tableNo");

CREATE TABLE "Indicator" (
  "id" SERIAL NOT NULL PRIMARY KEY,
  "goalId" INTEGER NOT NULL,
  "year" INTEGER NOT NULL,
  "tableNo" TEXT NOT NULL,
  "term" TEXT NOT NULL,
  "sortOrder" INTEGER NOT NULL,
  "level1" TEXT NOT NULL,
  "level2" TEXT NOT NULL,
  "level3" TEXT NOT NULL,
  "namePrinted" TEXT NOT NULL,
  "officeText" TEXT,
  "basis" TEXT,
  "targetText" TEXT NOT NULL,
  "targetKind" TEXT NOT NULL,
  "targetComparator" TEXT,
  "targetValue" DOUBLE PRECISION,
  "targetValueHigh" DOUBLE PRECISION,
  "targetUnit" TEXT,
  "targetDirection" TEXT,
  "accumulation" TEXT,
  "targetOverride" TEXT,
  CONSTRAINT "Indicator_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "Indicator_year_tableNo_term_idx" ON "Indicator"("year", "tableNo", "term");
CREATE INDEX "Indicator_goalId_idx" ON "Indicator"("goalId");

CREATE TABLE "IndicatorValue" (
  "id" SERIAL NOT NULL PRIMARY KEY,
  "indicatorId" INTEGER NOT NULL,
  "year" INTEGER NOT NULL,
  "printed" TEXT NOT NULL,
  CONSTRAINT "IndicatorValue_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "IndicatorValue_indicatorId_year_key" ON "IndicatorValue"("indicatorId", "year");

CREATE TABLE "IndicatorOrg" (
  "indicatorId" INTEGER NOT NULL,
  "organizationId" INTEGER NOT NULL,
  "role" TEXT NOT NULL DEFAULT 'lead',
  PRIMARY KEY ("indicatorId", "organizationId"),
  CONSTRAINT "IndicatorOrg_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "IndicatorOrg_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "IndicatorOrg_organizationId_idx" ON "IndicatorOrg"("organizationId");

CREATE TABLE "User" (
  "id" SERIAL NOT NULL PRIMARY KEY,
  "username" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "passwordHash" TEXT NOT NULL,
  "role" TEXT NOT NULL,
  "disabled" BOOLEAN NOT NULL DEFAULT false,
  "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

CREATE TABLE "UserOrg" (
  "userId" INTEGER NOT NULL,
  "organizationId" INTEGER NOT NULL,
  PRIMARY KEY ("userId", "organizationId"),
  CONSTRAINT "UserOrg_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE TABLE "AuditLog" (
  "id" SERIAL NOT NULL PRIMARY KEY,
  "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "userId" INTEGER,
  "action" TEXT NOT NULL,
  "entity" TEXT NOT NULL,
  "entityId" TEXT NOT NULL,
  "before" TEXT,
  "after" TEXT,
  CONSTRAINT "AuditLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");
