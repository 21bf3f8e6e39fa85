import { documentGet, scopeOf } from "@/lib/reports";

/** GET /api/v1/self-eval/<project code | department>?year=2024&format=xlsx|pdf|csv|json[&version=N][&layout=id] */
export async function GET(req: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return documentGet(req, { kind: "self-eval", scope: scopeOf(code) });
}
