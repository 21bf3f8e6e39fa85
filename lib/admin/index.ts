// The admin module's door: Administration commands and views: accounts, the installation's commands (finance accounts, departments, API tokens), the admin's table pages, rollover, data-quality fixes. Server only.
// Other modules, pages, components and the CLI import `@/lib/admin`, never a file behind it.
// (An indicator's and an office's own commands live with them: lib/indicator, lib/offices.)
export * from "./accounts";
export * from "./installation";
export * from "./quality-fixes";
export * from "./rollover";
export * from "./tables-view";
