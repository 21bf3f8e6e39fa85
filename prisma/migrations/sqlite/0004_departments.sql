-- Several departments in one installation (issue 7): every account works in one department
-- (the finance bureau's accounts, role "finance", in none: they read every department), and a
-- self-evaluation belongs to its department. Existing rows go to the first department.
ALTER TABLE "User" ADD COLUMN "departmentId" INTEGER REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
UPDATE "User" SET "departmentId" = COALESCE(
  (SELECT o."departmentId" FROM "UserOrg" uo JOIN "Organization" o ON o."id" = uo."organizationId" WHERE uo."userId" = "User"."id" ORDER BY o."id" LIMIT 1),
  (SELECT MIN("id") FROM "Department"));
CREATE INDEX "User_departmentId_idx" ON "User"("departmentId");

ALTER TABLE "Evaluation" ADD COLUMN "departmentId" INTEGER NOT NULL DEFAULT 0;
UPDATE "Evaluation" SET "departmentId" = COALESCE((SELECT MIN("id") FROM "Department"), 0);
DROP INDEX "Evaluation_year_scope_key";
CREATE UNIQUE INDEX "Evaluation_departmentId_year_scope_key" ON "Evaluation"("departmentId", "year", "scope");

ALTER TABLE "EvaluationVersion" ADD COLUMN "departmentId" INTEGER NOT NULL DEFAULT 0;
UPDATE "EvaluationVersion" SET "departmentId" = COALESCE((SELECT MIN("id") FROM "Department"), 0);
DROP INDEX "EvaluationVersion_year_scope_number_key";
CREATE UNIQUE INDEX "EvaluationVersion_departmentId_year_scope_number_key" ON "EvaluationVersion"("departmentId", "year", "scope", "number");

-- Department-scoped reads: a department's goal tables, projects and offices by department first.
CREATE INDEX "Goal_departmentId_year_idx" ON "Goal"("departmentId", "year");
CREATE INDEX "Goal_projectId_idx" ON "Goal"("projectId");
