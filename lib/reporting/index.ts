// The reporting module's door: Monthly reports: periods, submissions and review, evidence, budget execution, each office's share of a target, the city roll-up. Server only.
// Other modules, pages, components and the CLI import `@/lib/reporting`, never a file behind it.
export * from "./budget";
export * from "./evidence";
export * from "./execution";
export * from "./periods";
export * from "./queries";
export * from "./service";
export * from "./summaries";
export * from "./target";
export * from "./city";
export * from "./path";
export * from "./report-row";
export * from "./summary-row";
