import { apiUser, cityOnly, unauthenticated } from "@/lib/api";
import { statusTable } from "@/lib/dashboard";
import { toCsv, toXlsx } from "@/lib/reports";
import { statusTableParams } from "@/lib/validations";
import { workingYear } from "@/lib/catalogue";
import { can } from "@/lib/access";

/** The status table as shown (same filters, sort and columns as the URL), as CSV or XLSX. */
export async function GET(req: Request) {
  const user = await apiUser(req);
  if (!user) return unauthenticated();
  if (!can(user.role, "department.view")) return cityOnly();
  const url = new URL(req.url);
  const asked = statusTableParams.parse(Object.fromEntries(url.searchParams));
  const { year, month } = await workingYear(user, asked);
  const p = { ...asked, year, month };
  const format = url.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const rows = await statusTable(user, p);
  const hidden = p.cols?.split(",") ?? [];
  const name = `指标状态-${p.year}-${String(p.month).padStart(2, "0")}.${format}`;
  const headers = { "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`, "cache-control": "private, no-store" };
  if (format === "csv") return new Response(toCsv(rows, p.sort, hidden), { headers: { ...headers, "content-type": "text/csv; charset=utf-8" } });
  const body = await toXlsx(rows, p.sort, hidden, `指标状态 ${p.year}年1–${p.month}月`);
  return new Response(new Uint8Array(body), { headers: { ...headers, "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } });
}
