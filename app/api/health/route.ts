// A constant answer for load balancers' health checks: no database, no session. The benchmark
// (scripts/bench/run.ts) also uses it as the floor of what a Next.js route handler costs here.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true });
}
