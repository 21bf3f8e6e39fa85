import { documentGet } from "@/lib/reports";

/** GET /api/v1/summary?year=2024&format=xlsx|pdf|csv|json: the department's annual self-evaluation summary. */
export async function GET(req: Request) {
  return documentGet(req, { kind: "summary" });
}
