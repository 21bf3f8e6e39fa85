/**
 * Monitoring lights (绩效运行监控, "双监控", docs/domain.md §4) — why the rules are what they are.
 *
 * - Budget and indicators are judged against time progress (N/12) because monitoring asks "is the
 *   year on course?", not "is it done?": 50% spent in June is on plan. The budget light uses the
 *   ratio 执行率 ÷ 时间进度 so one threshold set works for every month.
 * - A cumulative 正向 quantity is prorated (target × N/12) for the same reason; far above the
 *   prorated plan (≥120%) is blue, not green, because national practice treats it as a sign the
 *   target was set too low, which is worth a look rather than praise.
 * - Levels (rates, satisfaction, scores, per-month figures) do not accumulate, so the latest value
 *   is compared with the target itself; a near miss (≥80% of it) is yellow so that 94% against
 *   ≥95% does not look like 0%. Blue is only for open-ended levels: a rate capped at 100% or a
 *   score on a fixed scale cannot meaningfully overshoot.
 * - 反向 (lower is better) rows are ceilings: any excess is already a breach, so there is no
 *   yellow; a running count of bad events is compared, unprorated, with the annual ceiling.
 * - "80-90分以上" is a floor (以上 covers the band), as the parser reads it; a true range on a
 *   running total prorates its floor and only passing the annual ceiling is red, since a running
 *   total below a whole-year band mid-year is normal. (The 2024 document has no such row.)
 * - Approximate targets (余, 预计) behave like their direction's comparator: the printed figure is
 *   what the row is judged by.
 * - Frequencies keep their period: "每月1次" owes one occurrence per elapsed month; "1次/年" owes
 *   nothing until December (count × N/12 rounded down), so a yearly audit is green, "on track",
 *   before then. Only ≥ the due count is green; ≥60% (the red threshold) is yellow.
 * - Deadlines: a reported completion stands (green on time, red late). Not completed and the
 *   deadline passed is red; not completed with the deadline ahead is "pending", not green: nobody
 *   has shown progress, but nothing is late either. Without a clock, a deadline inside the as-of
 *   month counts as passed only once that month's reporting period is closed.
 * - A missing report for a closed period is "overdue" and ranks worst: silence must never read as
 *   green. Before the period closes it is only "nodata". The as-of month's own report is required:
 *   an older figure is not evidence about this month.
 * - "/" (no target that year) and targets an admin has not confirmed are "none": nothing to judge,
 *   and they must not colour a project's roll-up.
 * - Displayed ratios are cut, not rounded, to one decimal so that "80%" never sits beside a yellow
 *   light; boundaries (exactly 60%, 80%, 120%) belong to the better light, as the rules say "≥".
 */
export type { Light, MonthlyValue, Status, StatusInput, Thresholds } from "./types";
export { DEFAULT_THRESHOLDS, LIGHT_ORDER, worstLight } from "./lights";
export { indicatorStatus } from "./indicator";
export { budgetStatus } from "./budget";
export * from "./format";
