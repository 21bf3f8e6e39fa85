import { apiError, apiUser, unauthenticated } from "@/lib/api";
import { evidenceFile, readStored } from "@/lib/reporting";

/** Downloads an evidence file for those who may see its indicator; never rendered inline. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await apiUser(req);
  if (!user) return unauthenticated();
  const id = Number((await params).id);
  const notFound = () => apiError("not_found", { zh: "文件不存在", en: "No such file" });
  if (!Number.isInteger(id) || id <= 0) return notFound();
  const ev = await evidenceFile(user, id);
  if (!ev) return notFound();
  const bytes = await readStored(ev.storageKey);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": ev.mime,
      "content-length": String(bytes.byteLength),
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(ev.fileName)}`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, no-store",
    },
  });
}
