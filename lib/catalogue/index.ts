// The catalogue module's door: The indicator catalogue's reads, and the working year. Server door; client.ts holds the pure working-year cookie name.
// Other modules, pages, components and the CLI import `@/lib/catalogue`, never a file behind it.
export * from "./export";
export * from "./queries";
export * from "./working-year";
export * from "./year";
