// UI strings, Chinese first. Keys are grouped by screen. Pure data: used by server and client.
export const locales = ["zh", "en"] as const;
export type Locale = (typeof locales)[number];

const zh = {
  app: { name: "绩效", full: "预算绩效目标管理", switchLang: "English", signIn: "登录", signOut: "退出" },
  nav: { home: "部门概览", catalogue: "指标目录", projects: "项目", quality: "数据质量", offices: "责任单位", my: "我的指标", review: "审核", periods: "填报期", dashboard: "总览", evaluation: "自评" },
  common: {
    all: "全部", search: "搜索", filter: "筛选", reset: "重置", none: "无", wan: "万元", total: "合计",
    annual: "年度", longTerm: "长期", count: "共 {n} 条", noResults: "没有符合条件的指标", back: "返回",
    save: "保存", cancel: "取消",
  },
  grid: {
    table: "表", goal: "目标", level1: "一级指标", level2: "二级指标", level3: "三级指标",
    v2022: "2022年", v2023: "2023年", v2024: "2024年目标", value: "指标值", basis: "指标值确定依据",
    office: "责任单位", target: "解析", project: "项目", term: "类型", trend: "趋势", reportedOf: "{n}/{m} 单位已报",
  },
  dept: {
    title: "部门整体支出绩效目标（表11）", funds: "部门总体资金情况", overview: "部门职能概述", tasks: "年度工作任务",
    longGoals: "长期目标（截止2026年）", annualGoals: "年度目标", projects: "项目支出情况", income: "收入构成",
    expense: "支出构成", amount: "当年金额", share: "占比", filler: "填报人", phone: "联系电话",
  },
  project: {
    code: "项目编码", budget: "项目当年预算", total: "项目总预算", unit: "项目执行单位", category: "支出项目类别",
    attribute: "项目属性", lead: "项目负责人", history: "前两年预算及当年预算变动情况", sources: "项目资金来源",
    subProjects: "二级项目（表10）", subUnit: "执行单位", longGoal: "长期绩效目标", annualGoal: "年度绩效目标",
    content: "项目主要内容", indicators: "{n} 个指标", indicatorLight: "绩效目标", budgetLight: "预算执行",
    amount: { total: "合计", current_general: "本年一般公共预算", carry_general: "结转一般公共预算", special_account: "财政专户", unit_funds: "单位资金" },
  },
  target: {
    kind: { quantitative: "定量", qualitative: "定性", deadline: "时限", frequency: "频次", none: "无", unparsed: "未解析" },
    direction: { higher: "正向", lower: "反向", equal: "等于", range: "区间" },
    accumulation: { cumulative: "累计", level: "水平" },
    parse: "指标值解析", printed: "原文", override: "人工确认解析", overridden: "已人工确认", comparator: "比较",
    value: "数值", unit: "单位", auto: "自动（按原文）",
    comparators: { ">=": "≥ 不低于", "<=": "≤ 不高于", "=": "= 等于", range: "区间", approx: "约" },
  },
  quality: {
    title: "数据质量", intro: "原文中的不一致之处按原样载入，在此列出，供管理员核对。", fix: "查看",
    severity: { warning: "需核对", info: "提示" },
  },
  indicatorPage: { path: "月度完成值与进度", actual: "实际（汇总）", expected: "按进度应达", reports: "各月报告" },
  indicator: { history: "历史值", orgs: "责任单位", printedName: "原文三级指标", audit: "变更记录" },
  light: {
    green: "绿灯", yellow: "黄灯", red: "红灯", blue: "蓝灯", overdue: "逾期未报", nodata: "未填报", none: "无需填报", pending: "未到期",
  },
  report: {
    my: "我的指标", review: "待审核", asOf: "截至", month: "{m}月", office: "填报单位", target: "年度指标值", officeShare: "本单位分担",
    latest: "最新填报", light: "状态", due: "本月", action: "填报", edit: "修改", view: "查看", value: "实际完成值",
    valueHint: { cumulative: "填写1月至本月的累计数", level: "填写本月的水平值（如 96.5%）", qualitative: "选择完成档次", deadline: "填写完成日期（未完成可留空说明）", frequency: "填写本月发生次数" },
    note: "情况说明", evidence: "佐证材料", deviation: "偏差原因分析", deviationCategories: "偏差原因类别", deviationReason: "偏差原因说明",
    corrective: "改进措施", forecast: "全年预计完成情况", likelihood: "完成目标可能性", save: "保存草稿", submit: "提交审核",
    saved: "已保存", submittedOk: "已提交，等待审核", status: { draft: "草稿", submitted: "待审核", approved: "已审核", returned: "已退回" },
    history: "本单位填报记录", parts: "各单位填报情况", combined: "汇总值", notReported: "未填报", approve: "审核通过", return: "退回",
    comment: "审核意见", nothingToReview: "没有待审核的报告", shared: "{n} 个单位共同承担", reportFor: "填报月份", locked: "已审核锁定，修改将生成新版本",
    reviewedBy: "审核", revision: "第{n}版",
  },
  evaluation: { title: "绩效自评", download: "下载", total: "总分", budgetScore: "预算执行得分", issues: "{n} 项待处理（缺少实际值、偏差原因或评分），总分暂按现有数据计算" },
  office: { owes: "本月待报", returned: "被退回的报告", indicators: "负责的年度指标" },
  dashboardTable: {
    title: "指标状态明细", achievement: "完成进度", columns: "选择列", page: "第", prev: "上一页", next: "下一页", rows: "行", download: "下载",
  },
  dashboard: {
    title: "绩效监控总览", review: "1–N月监控", julyReview: "1–7月集中监控", summary: "指标状态汇总", indicators: "{n} 个年度指标", byProject: "按项目", byLevel1: "按一级指标",
    byOffice: "按责任单位", budget: "预算执行率与时间进度", worst: "十项最大偏差", why: "偏差原因", noShortfall: "暂无黄灯、红灯或逾期指标",
    completeness: "填报完整性（单位 × 月份）", asTable: "查看数据表", cell: { reported: "已报", late: "逾期补报", missing: "缺报", open: "未到截止", future: "" },
  },
  budget: {
    title: "预算执行（双监控）", record: "填报执行数", subProject: "二级项目", spentToDate: "1月至当月累计执行数（万元）", spent: "累计执行",
    rate: "执行率", time: "时间进度", none: "尚未填报执行数",
  },
  periods: {
    title: "填报期", intro: "每月报告在截止日前可填报；逾期关闭，管理员可重新开放。", deadline: "截止日期", noDeadline: "未设置（开放）",
    open: "开放", closed: "已关闭", reopened: "已重新开放", close: "关闭", reopen: "重新开放", setDeadline: "设置截止日期",
  },
  login: { title: "登录绩效系统", username: "用户名", password: "密码", submit: "登录", failed: "用户名或密码不正确", limited: "登录失败次数过多，请15分钟后再试" },
  errors: { forbidden: "无权执行此操作", notFound: "未找到" },
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Messages = Shape<typeof zh>;

const en: Messages = {
  app: { name: "Jixiao", full: "Budget performance targets", switchLang: "中文", signIn: "Sign in", signOut: "Sign out" },
  nav: { home: "Department", catalogue: "Indicators", projects: "Projects", quality: "Data quality", offices: "Offices", my: "My indicators", review: "Review", periods: "Periods", dashboard: "Overview", evaluation: "Evaluation" },
  common: {
    all: "All", search: "Search", filter: "Filter", reset: "Reset", none: "None", wan: "10k yuan", total: "Total",
    annual: "Annual", longTerm: "Long-term", count: "{n} rows", noResults: "No indicator matches", back: "Back",
    save: "Save", cancel: "Cancel",
  },
  grid: {
    table: "Table", goal: "Goal", level1: "Level 1", level2: "Level 2", level3: "Indicator",
    v2022: "2022", v2023: "2023", v2024: "2024 target", value: "Target", basis: "Basis",
    office: "Responsible", target: "Parsed", project: "Project", term: "Term", trend: "Trend", reportedOf: "{n} of {m} offices",
  },
  dept: {
    title: "Department-wide performance targets (Table 11)", funds: "Funds", overview: "Functions", tasks: "Tasks for the year",
    longGoals: "Long-term goals (to 2026)", annualGoals: "Annual goals", projects: "Projects", income: "Income",
    expense: "Expenditure", amount: "This year", share: "Share", filler: "Prepared by", phone: "Phone",
  },
  project: {
    code: "Project code", budget: "Budget this year", total: "Total budget", unit: "Executing unit", category: "Category",
    attribute: "Type", lead: "Lead", history: "Budget history", sources: "Fund sources",
    subProjects: "Second-level projects (Table 10)", subUnit: "Executing unit", longGoal: "Long-term goal", annualGoal: "Annual goal",
    content: "Main content", indicators: "{n} indicators", indicatorLight: "Targets", budgetLight: "Budget",
    amount: { total: "Total", current_general: "General budget", carry_general: "Carry-over", special_account: "Special account", unit_funds: "Unit funds" },
  },
  target: {
    kind: { quantitative: "Quantitative", qualitative: "Qualitative", deadline: "Deadline", frequency: "Frequency", none: "None", unparsed: "Unparsed" },
    direction: { higher: "Higher is better", lower: "Lower is better", equal: "Equal", range: "Range" },
    accumulation: { cumulative: "Cumulative", level: "Level" },
    parse: "Target parse", printed: "Printed", override: "Confirm parse", overridden: "Confirmed by admin", comparator: "Comparator",
    value: "Value", unit: "Unit", auto: "auto (from the text)",
    comparators: { ">=": "≥ at least", "<=": "≤ at most", "=": "= equal", range: "range", approx: "approximately" },
  },
  quality: {
    title: "Data quality", intro: "Inconsistencies in the source document are loaded as printed and listed here for an admin to check.", fix: "Open",
    severity: { warning: "Check", info: "Note" },
  },
  indicatorPage: { path: "Monthly values against plan", actual: "Actual (combined)", expected: "Expected by then", reports: "Reports" },
  indicator: { history: "History", orgs: "Responsible", printedName: "Printed name", audit: "Change log" },
  light: {
    green: "Green", yellow: "Yellow", red: "Red", blue: "Blue", overdue: "Overdue", nodata: "Not reported", none: "Nothing to report", pending: "Not due",
  },
  report: {
    my: "My indicators", review: "To review", asOf: "As of", month: "M{m}", office: "Office", target: "Annual target", officeShare: "Office share",
    latest: "Latest", light: "Status", due: "This month", action: "Report", edit: "Edit", view: "View", value: "Actual",
    valueHint: { cumulative: "Total from January to this month", level: "This month's level (e.g. 96.5%)", qualitative: "Choose the achievement tier", deadline: "Completion date", frequency: "Occurrences this month" },
    note: "Note", evidence: "Evidence", deviation: "Deviation analysis", deviationCategories: "Cause", deviationReason: "Reason",
    corrective: "Corrective measure", forecast: "Year-end forecast", likelihood: "Likelihood of meeting the target", save: "Save draft", submit: "Submit for review",
    saved: "Saved", submittedOk: "Submitted for review", status: { draft: "Draft", submitted: "Submitted", approved: "Approved", returned: "Returned" },
    history: "This office's reports", parts: "Offices' parts", combined: "Combined", notReported: "Not reported", approve: "Approve", return: "Return",
    comment: "Comment", nothingToReview: "Nothing to review", shared: "Shared by {n} offices", reportFor: "Month", locked: "Approved and locked: a change makes a new revision",
    reviewedBy: "Reviewed", revision: "rev. {n}",
  },
  evaluation: { title: "Self-evaluation", download: "Download", total: "Total", budgetScore: "Budget execution score", issues: "{n} items to resolve (missing actuals, reasons or scores); the total uses the data so far" },
  office: { owes: "Due this month", returned: "Returned reports", indicators: "Annual indicators" },
  dashboardTable: {
    title: "Indicator status", achievement: "Progress", columns: "Columns", page: "Page", prev: "Previous", next: "Next", rows: "rows", download: "Download",
  },
  dashboard: {
    title: "Performance overview", review: "Jan–N monitoring", julyReview: "Jan–Jul review", summary: "Lights", indicators: "{n} annual indicators", byProject: "By project", byLevel1: "By level-1 category",
    byOffice: "By office", budget: "Budget execution against time", worst: "Ten worst shortfalls", why: "Reason", noShortfall: "No yellow, red or overdue indicator",
    completeness: "Reporting completeness (office × month)", asTable: "Show the numbers", cell: { reported: "Reported", late: "Late", missing: "Missing", open: "Not due yet", future: "" },
  },
  budget: {
    title: "Budget execution", record: "Record spending", subProject: "Second-level project", spentToDate: "Spent to date (万元)", spent: "Spent",
    rate: "Execution rate", time: "Time progress", none: "No spending recorded yet",
  },
  periods: {
    title: "Reporting periods", intro: "A month's reports are accepted until its deadline; then it closes and an admin may reopen it.", deadline: "Deadline", noDeadline: "None (open)",
    open: "Open", closed: "Closed", reopened: "Reopened", close: "Close", reopen: "Reopen", setDeadline: "Set deadline",
  },
  login: { title: "Sign in to Jixiao", username: "Username", password: "Password", submit: "Sign in", failed: "Wrong username or password", limited: "Too many failed sign-ins; try again in 15 minutes" },
  errors: { forbidden: "You may not do this", notFound: "Not found" },
};

export const messages: Record<Locale, Messages> = { zh, en };

/** "共 {n} 条" + {n: 3} → "共 3 条". */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}
