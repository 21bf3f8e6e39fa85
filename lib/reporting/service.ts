import "server-only";
import { DomainError, mutate } from "../actions";
import type { CurrentUser } from "../auth";
import { reportScope } from "../auth";
import { parseActual } from "../targets";
import { indicatorStatus } from "../status";
import { reportInput, reviewInput } from "../validations";
import { aggregationOf, monthly, officeTarget } from "./target";
import { targetOf } from "../indicator/client";
import type { StoredFile } from "./evidence";
import { encodeDeviationCategories } from "./report-row";
import { prisma } from "../db/prisma";
import { currentReports, insertReport, periodRow, writableIndicator } from "../db/hot-statements";
import { rolesFor } from "../access";

const NEEDS_REASON = new Set(["yellow", "red", "overdue"]);

const stale = () =>
  new DomainError({
    code: "conflict",
    message: { zh: "该报告已被他人修改，请刷新后再保存（您的修改未保存）", en: "This report was changed by someone else; reload before saving (your change was not saved)" },
  });

/** Is the month's reporting period closed (explicitly, or its deadline passed and not reopened)? */
export async function periodClosed(year: number, month: number, now = new Date()): Promise<boolean> {
  const p = await periodRow(year, month);
  if (!p) return false;
  if (p.reopened) return false;
  return p.closed || p.deadline.getTime() < now.getTime();
}

/**
 * A reporter saves (or submits) the monthly report of one of its offices on one indicator.
 *
 * The checks that depend only on rows a submission never writes run in `prepare`, before the
 * transaction: the indicator and its access scope (department, the office's responsibility, not
 * retired), its offices (for the office's share of the target), the period, the target and the
 * value's parse. On SQLite every write transaction waits for the one before it (one connection
 * behind the driver adapter's mutex), so these four statements and their parsing no longer hold
 * the lock. What this gives up: an admin retiring the indicator, changing its offices or target,
 * or closing the period in the few milliseconds between these reads and the commit does not stop
 * a submission already past its checks; it lands as if it had come in just before the change
 * (the change's own transaction is not affected and its audit row is after the report's). Those
 * are rare admin actions, and on PostgreSQL (read committed) the in-transaction reads never
 * excluded that race anyway: nothing locked the indicator or period row. Access itself cannot be
 * widened this way: the scope is the caller's, in the query, as before.
 *
 * What must see the transaction's snapshot stays in `run`: the office's current reports of the
 * year (the existing one, checked against expectedVersion and written in the same transaction,
 * and the earlier months the status is computed from), in one read.
 */
export function saveReport(input: unknown, user?: CurrentUser | null, files: StoredFile[] = []) {
  return mutate({
    input,
    schema: reportInput,
    roles: rolesFor("report.write"),
    grouped: true,
    user,
    prepare: async (me, i) => {
      // Scope in the query: only an indicator this office is responsible for, only an office of mine.
      const ind = await writableIndicator(me, i.indicatorId, i.organizationId, i.year);
      if (!ind) {
        const exists = await prisma.indicator.count({ where: { id: i.indicatorId } });
        throw new DomainError(
          exists
            ? { code: "forbidden", message: { zh: "该指标不属于您的单位，不能填报", en: "This indicator is not your office's to report" } }
            : { code: "not_found", message: { zh: "指标不存在", en: "No such indicator" } },
        );
      }
      if (await periodClosed(i.year, i.month))
        throw new DomainError({ code: "period_closed", message: { zh: `${i.year}年${i.month}月的填报期已关闭，请联系管理员`, en: `Reporting for ${i.year}-${String(i.month).padStart(2, "0")} is closed; ask an admin to reopen it` } });

      const full = targetOf(ind);
      if (full.kind === "none" || full.kind === "unparsed")
        throw new DomainError({ code: "invalid", message: { zh: "该指标本年度无可填报的指标值", en: "This indicator has no target to report against this year" }, fields: { valueText: ["无指标值 / No target"] } });
      const target = officeTarget(full, ind.orgCount, aggregationOf(ind.aggregation, full));
      const parsed = parseActual(i.valueText, target);
      if (!parsed.ok) throw new DomainError({ code: "invalid", message: parsed.error, fields: { valueText: [`${parsed.error.zh} / ${parsed.error.en}`] } });
      return { ind, target, actual: parsed.actual };
    },
    run: async (tx, me, i, { ind, target, actual }) => {
      // The month's current report and the earlier months', in one read (at most one current
      // report per office and month: a correction retires the old one in its transaction).
      const reports = await currentReports(tx, ind.id, i.organizationId, i.year, i.month);
      const existing = reports.find((r) => r.month === i.month) ?? null;
      const earlier = reports.filter((r) => r.month < i.month);
      const values = {
        valueText: i.valueText,
        value: actual.value,
        tier: actual.tier ?? null,
        doneDate: actual.date ?? null,
      };
      const status = indicatorStatus({
        target,
        asOfMonth: i.month,
        year: i.year,
        reports: monthly([...earlier, { month: i.month, ...values }]),
        periodClosed: false,
      });
      if (NEEDS_REASON.has(status.light)) {
        const fields: Record<string, string[]> = {};
        if (i.deviationCategories.length === 0) fields.deviationCategories = ["未达进度，请选择偏差原因类别 / Behind plan: choose the cause"];
        if (!i.deviationReason) fields.deviationReason = ["未达进度，请说明偏差原因 / Behind plan: explain the deviation"];
        if (!i.correctiveMeasure) fields.correctiveMeasure = ["未达进度，请填写改进措施 / Behind plan: give the corrective measure"];
        if (Object.keys(fields).length)
          throw new DomainError({ code: "invalid", message: { zh: `${status.explanation.zh}：请填写偏差原因和改进措施`, en: `${status.explanation.en}: give the reason and the corrective measure` }, fields });
      }

      const now = new Date();
      const data = {
        ...values,
        note: i.note ?? null,
        deviationCategories: encodeDeviationCategories(i.deviationCategories),
        deviationReason: i.deviationReason ?? null,
        correctiveMeasure: i.correctiveMeasure ?? null,
        forecastText: i.forecastText ?? null,
        likelihood: i.likelihood ?? null,
        status: i.intent === "submit" ? "submitted" : "draft",
        submittedAt: i.intent === "submit" ? now : null,
        updatedById: me.id,
      };

      let action: string;
      let saved;
      if (!existing) {
        if (i.expectedVersion !== 0) throw stale();
        saved = await insertReport(tx, { ...data, indicatorId: ind.id, organizationId: i.organizationId, year: i.year, month: i.month, revision: 1, createdById: me.id }, now);
        action = i.intent === "submit" ? "report.submit" : "report.create";
      } else if (existing.status === "submitted") {
        throw new DomainError({ code: "locked", message: { zh: "该报告已提交，正在等待审核，不能修改", en: "This report is submitted and awaiting review; it cannot be changed" } });
      } else if (existing.status === "approved") {
        // A correction: the approved report is kept, the new revision becomes current.
        if (i.expectedVersion !== existing.version) throw stale();
        const kept = await tx.report.updateMany({ where: { id: existing.id, version: existing.version }, data: { current: false, version: existing.version + 1 } });
        if (kept.count !== 1) throw stale();
        saved = await insertReport(tx, { ...data, indicatorId: ind.id, organizationId: i.organizationId, year: i.year, month: i.month, revision: existing.revision + 1, createdById: me.id }, now);
        action = "report.correct";
      } else {
        const updated = await tx.report.updateMany({
          where: { id: existing.id, version: i.expectedVersion, status: { in: ["draft", "returned"] } },
          data: { ...data, version: { increment: 1 } },
        });
        if (updated.count !== 1) throw stale();
        saved = await tx.report.findUniqueOrThrow({ where: { id: existing.id } });
        action = i.intent === "submit" ? "report.submit" : "report.update";
      }
      if (files.length)
        await tx.evidence.createMany({ data: files.map((f) => ({ ...f, reportId: saved.id, uploadedById: me.id })) });
      return {
        data: { report: saved, status },
        audit: { action, entity: "Indicator", entityId: String(ind.id), before: existing ?? null, after: { ...saved, evidence: files.map((f) => f.fileName) } },
      };
    },
  });
}

/** A manager approves a submitted report (it locks) or returns it with a comment. */
export function reviewReport(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    schema: reviewInput,
    roles: rolesFor("report.review"),
    grouped: true,
    user,
    run: async (tx, me, i) => {
      const report = await tx.report.findFirst({ where: { id: i.reportId, ...reportScope(me) } });
      if (!report) throw new DomainError({ code: "not_found", message: { zh: "报告不存在", en: "No such report" } });
      if (report.status !== "submitted" || !report.current)
        throw new DomainError({ code: "locked", message: { zh: "只能审核已提交的报告", en: "Only a submitted report can be reviewed" } });
      if (i.decision === "return" && !i.comment)
        throw new DomainError({ code: "invalid", message: { zh: "退回时请填写意见", en: "Say why when returning a report" }, fields: { comment: ["请填写退回意见 / Give a reason"] } });
      const updated = await tx.report.updateMany({
        where: { id: report.id, version: i.expectedVersion, status: "submitted" },
        data: {
          status: i.decision === "approve" ? "approved" : "returned",
          reviewComment: i.comment ?? null,
          reviewedById: me.id,
          reviewedAt: new Date(),
          version: { increment: 1 },
        },
      });
      if (updated.count !== 1) throw stale();
      const after = await tx.report.findUniqueOrThrow({ where: { id: report.id } });
      return {
        data: { report: after },
        audit: { action: i.decision === "approve" ? "report.approve" : "report.return", entity: "Indicator", entityId: String(report.indicatorId), before: report, after },
      };
    },
  });
}
