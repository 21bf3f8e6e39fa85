// The onboarding module's door: reading a department's published budget and importing it.
export * from "./document";
export * from "./extract";
export * from "./import";
export * from "./server";
