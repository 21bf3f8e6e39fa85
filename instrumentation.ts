// Runs once when the server starts (Next's instrumentation hook). The Node runtime's part is in
// its own file, imported only there, so the Edge bundle never sees a Node module.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
