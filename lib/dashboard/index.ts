// The dashboard module's door: The overview and the indicator status table. Server door; client.ts holds the pure light counting and sorts.
// Other modules, pages, components and the CLI import `@/lib/dashboard`, never a file behind it.
export * from "./aggregate";
export * from "./overview";
export * from "./table";
