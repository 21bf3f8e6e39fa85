import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Message } from "../targets";
import { env } from "../env";

// Evidence files (佐证材料) live outside the web root under UPLOAD_DIR (default data/uploads), named by a random key;
// the original name is only metadata. They are served by /api/v1/evidence/<id> after a scope check.
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_MAX_FILES = 5;
const TYPES: Record<string, string[]> = {
  "application/pdf": [".pdf"],
  "image/png": [".png"],
  "image/jpeg": [".jpg", ".jpeg"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [".docx"],
};
const MAGIC: [string, number[]][] = [
  ["application/pdf", [0x25, 0x50, 0x44, 0x46]],
  ["image/png", [0x89, 0x50, 0x4e, 0x47]],
  ["image/jpeg", [0xff, 0xd8, 0xff]],
  ["zip", [0x50, 0x4b, 0x03, 0x04]], // xlsx and docx are zip containers
];

export type StoredFile = { fileName: string; mime: string; size: number; sha256: string; storageKey: string };

/** UPLOAD_DIR, or data/uploads: one directory every app instance shares (docs/decisions/005-durability.md). */
const uploadDir = () => path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.UPLOAD_DIR ?? path.join("data", "uploads"));

/** Keeps the base name only, without path parts or control characters (path traversal in names). */
export function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "file";
  const clean = base.replace(/[\u0000-\u001f<>:"|?*]/g, "").replace(/^\.+/, "").slice(0, 120);
  return clean || "file";
}

/** Checks type (by extension and by content) and size; returns a message for the first problem. */
export function checkFile(name: string, bytes: Uint8Array): { ok: true; mime: string } | { ok: false; error: Message } {
  if (bytes.byteLength === 0) return { ok: false, error: { zh: `文件「${safeName(name)}」为空`, en: `File "${safeName(name)}" is empty` } };
  if (bytes.byteLength > EVIDENCE_MAX_BYTES) return { ok: false, error: { zh: `文件「${safeName(name)}」超过10MB`, en: `File "${safeName(name)}" is larger than 10 MB` } };
  const ext = path.extname(safeName(name)).toLowerCase();
  const mime = Object.entries(TYPES).find(([, exts]) => exts.includes(ext))?.[0];
  const magic = MAGIC.find(([, sig]) => sig.every((b, i) => bytes[i] === b))?.[0];
  const fits = mime && (magic === mime || (magic === "zip" && (ext === ".xlsx" || ext === ".docx")));
  if (!fits) return { ok: false, error: { zh: `文件「${safeName(name)}」类型不允许（仅限 PDF、JPG、PNG、XLSX、DOCX）`, en: `File "${safeName(name)}" is not an allowed type (PDF, JPG, PNG, XLSX, DOCX only)` } };
  return { ok: true, mime };
}

export async function storeFile(name: string, bytes: Uint8Array, mime: string): Promise<StoredFile> {
  const dir = uploadDir();
  await mkdir(dir, { recursive: true });
  const storageKey = randomBytes(16).toString("hex");
  await writeFile(path.join(dir, storageKey), bytes, { flag: "wx", mode: 0o600 });
  return { fileName: safeName(name), mime, size: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex"), storageKey };
}

export async function readStored(storageKey: string): Promise<Buffer> {
  if (!/^[0-9a-f]{32}$/.test(storageKey)) throw new Error("bad storage key");
  return readFile(path.join(uploadDir(), storageKey));
}

/** Deletes files stored for a save that was then refused: a refused report leaves nothing on disk. */
export async function discardStored(files: StoredFile[]): Promise<void> {
  await Promise.all(files.filter((f) => /^[0-9a-f]{32}$/.test(f.storageKey)).map((f) => unlink(path.join(uploadDir(), f.storageKey)).catch(() => undefined)));
}
