// The admin module's door: Administration commands and views: accounts, offices, indicator tables, target revisions, rollover, data-quality fixes. Server only.
// Other modules, pages, components and the CLI import `@/lib/admin`, never a file behind it.
export * from "./accounts";
export * from "./orgs";
export * from "./quality-fixes";
export * from "./revisions";
export * from "./rollover";
export * from "./tables";
export * from "./tables-view";
