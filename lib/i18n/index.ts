// The i18n module's door: Messages in both languages and the user's locale. Server door (getLocale/getMessages read the cookie); client.ts holds the pure messages and fill().
// Other modules, pages, components and the CLI import `@/lib/i18n`, never a file behind it.
export * from "./messages";
export * from "./server";
