import path from "node:path";

export type Engine = "sqlite" | "postgres";

export function engineOf(url: string): Engine {
  return url.startsWith("file:") ? "sqlite" : "postgres";
}

/** `file:./data/x.db` → absolute path, relative to the project root (the process cwd). */
export function sqlitePath(url: string): string {
  // The database lives outside the traced sources; keep the bundler from tracing the project.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), url.slice("file:".length));
}
