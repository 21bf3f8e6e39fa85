// Report layouts are data: a province's variant of a form is a new definition here, not new
// code. The renderers (XLSX, CSV, JSON) read a definition and a filled SelfEvaluation.

export type GridColumn = {
  key: "level1" | "level2" | "level3" | "target" | "actual" | "weight" | "score" | "deviation" | "nature" | "unit" | "originalTarget";
  title: string;
  width: number;
};

export type FormDefinition = {
  id: string;
  title: string;
  /** Label / value pairs above the grid, two per printed row. */
  header: { label: string; field: "projectName" | "department" | "unit" | "year" }[];
  /** Rows of the funds block; `field` names a key of SelfEvaluation.funds. */
  funds: { label: string; rows: { label: string; field: string }[] };
  budgetPoints: number;
  grid: GridColumn[];
};

/** 项目支出绩效自评表, docs/domain.md §5 (财预〔2020〕10号 附件). */
export const PROJECT_SELF_EVAL: FormDefinition = {
  id: "project-self-eval",
  title: "项目支出绩效自评表",
  header: [
    { label: "项目名称", field: "projectName" },
    { label: "主管部门", field: "department" },
    { label: "实施单位", field: "unit" },
    { label: "年度", field: "year" },
  ],
  funds: {
    label: "项目资金（万元）",
    rows: [
      { label: "年度资金总额", field: "total" },
      { label: "其中：当年财政拨款", field: "current" },
      { label: "上年结转资金", field: "carry" },
      { label: "其他资金", field: "other" },
    ],
  },
  budgetPoints: 10,
  grid: [
    { key: "level1", title: "一级指标", width: 10 },
    { key: "level2", title: "二级指标", width: 14 },
    { key: "level3", title: "三级指标", width: 34 },
    { key: "target", title: "年度指标值", width: 14 },
    { key: "actual", title: "实际完成值", width: 14 },
    { key: "weight", title: "分值", width: 8 },
    { key: "score", title: "得分", width: 8 },
    { key: "deviation", title: "偏差原因分析及改进措施", width: 40 },
  ],
};

/** A local variant: 年初指标值 and 调整指标值 side by side (no new code, only a definition). */
export const PROJECT_SELF_EVAL_WITH_REVISIONS: FormDefinition = {
  ...PROJECT_SELF_EVAL,
  id: "project-self-eval-revisions",
  grid: [
    ...PROJECT_SELF_EVAL.grid.slice(0, 3),
    { key: "originalTarget", title: "年初指标值", width: 14 },
    { key: "target", title: "调整指标值", width: 14 },
    ...PROJECT_SELF_EVAL.grid.slice(4),
  ],
};

/** 部门整体支出绩效自评表: the same grid over 表11's annual goals, funds by source and by kind (docs/domain.md §5). */
export const DEPARTMENT_SELF_EVAL: FormDefinition = {
  ...PROJECT_SELF_EVAL,
  id: "department-self-eval",
  title: "部门整体支出绩效自评表",
  header: [
    { label: "部门名称", field: "department" },
    { label: "年度", field: "year" },
  ],
  funds: {
    label: "部门资金（万元）",
    rows: [
      { label: "年度资金总额", field: "total" },
      { label: "按收入性质分：财政拨款", field: "fiscal" },
      { label: "　　　　　　财政专户管理资金", field: "special" },
      { label: "　　　　　　单位资金", field: "unit_funds" },
      { label: "按支出性质分：人员类", field: "personnel" },
      { label: "　　　　　　运转类", field: "operating" },
      { label: "　　　　　　特定目标类", field: "specific" },
    ],
  },
};

export const LAYOUTS: Record<string, FormDefinition> = {
  [DEPARTMENT_SELF_EVAL.id]: DEPARTMENT_SELF_EVAL,
  [PROJECT_SELF_EVAL.id]: PROJECT_SELF_EVAL,
  [PROJECT_SELF_EVAL_WITH_REVISIONS.id]: PROJECT_SELF_EVAL_WITH_REVISIONS,
};
