// The import module's door: Excel/CSV import of a year's indicator tables: read, plan (preview), write. Server door; client.ts holds the pure column labels and problem texts for the import form.
// Other modules, pages, components and the CLI import `@/lib/import`, never a file behind it.
export * from "./columns";
export * from "./db";
export * from "./offices";
export * from "./problems";
export * from "./server";
export * from "./types";
