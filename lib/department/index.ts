// The department module's door: the department profile's (表11) stored column decoded and checked
// (pure: safe anywhere). Its queries are still in lib/catalogue.
// Other modules, pages, components and the CLI import `@/lib/department`, never a file behind it.
export * from "./profile";
