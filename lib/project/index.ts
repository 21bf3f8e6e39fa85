// The project module's door: a project's (表12 / 表10) stored columns decoded and checked (pure:
// safe anywhere). Its queries are still in lib/catalogue and lib/admin.
// Other modules, pages, components and the CLI import `@/lib/project`, never a file behind it.
export * from "./row";
