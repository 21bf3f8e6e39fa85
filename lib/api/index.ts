// The api module's door: The JSON API's boundary: the user from a session or token, one error shape, rate limits. Server only.
// Other modules, pages, components and the CLI import `@/lib/api`, never a file behind it.
export * from "./gate";
export * from "./guards";
export * from "./http";
export * from "./rate-store";
