import { documentGet, scopeOf } from "@/lib/reports";

/** GET /api/v1/monitoring/<project code | department>?year=2024&month=7&format=xlsx|pdf|csv|json */
export async function GET(req: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return documentGet(req, { kind: "monitoring", scope: scopeOf(code) });
}
