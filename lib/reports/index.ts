// The reports module's door: Documents in the official layouts: one sheet model, rendered as XLSX, PDF, CSV and JSON. Server door.
// Other modules, pages, components and the CLI import `@/lib/reports`, never a file behind it.
export * from "./documents";
export * from "./evaluation";
export * from "./http";
export * from "./layouts";
export * from "./render/csv";
export * from "./render/pdf";
export * from "./self-eval";
export * from "./status-table";
export * from "./summary";
