// The validations module's door: The zod schema of every form and API operation (pure: safe on the client, which validates with the same schemas).
// Other modules, pages, components and the CLI import `@/lib/validations`, never a file behind it.
export * from "./accounts";
export * from "./admin-tables";
export * from "./budget";
export * from "./catalogue";
export * from "./evaluation";
export * from "./import";
export * from "./month";
export * from "./params";
export * from "./period";
export * from "./report";
export * from "./status-table";
export * from "./target-override";
export * from "./json-column";
