import "server-only";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { extractBudget } from "./extract";
import { PdfError, pdfToText } from "./pdf";
import { MAX_DOCUMENT_BYTES } from "./import";
import type { Extraction } from "./types";

// A department's published budget as the CLI and the admin page receive it: a .txt (what
// `pdftotext -layout` gives) or a .pdf, checked by name, size and content before anything is read.

const mb = MAX_DOCUMENT_BYTES / 1024 / 1024;

export const documentName = z
  .string({ error: "请选择文件 / Choose a file" })
  .trim()
  .min(1, { error: "请选择文件 / Choose a file" })
  .max(200, { error: "文件名过长 / The file name is too long" })
  .refine((n) => /\.(txt|pdf)$/i.test(n), { error: "只能导入部门预算的 .pdf 文件或其文本 .txt 文件 / Only a budget's .pdf or its text (.txt) can be onboarded" });

export const documentSize = z
  .number()
  .positive({ error: "文件是空的 / The file is empty" })
  .max(MAX_DOCUMENT_BYTES, { error: `文件超过 ${mb} MB，不是一个部门的预算文件 / The file is over ${mb} MB: not one department's budget` });

/** What the browser (and the CLI, from the file's size) checks before the bytes are read. */
export const documentMeta = z.object({ fileName: documentName, size: documentSize });

export const deptCode = z.string().trim().regex(/^[0-9A-Za-z]{1,20}$/, { error: "部门编码为 1–20 位字母或数字 / A department code is 1–20 letters or digits" });
export const budgetYear = z.coerce
  .number({ error: "年份应为整数 / A year is a whole number" })
  .int({ error: "年份应为整数 / A year is a whole number" })
  .min(2000, { error: "年份不在范围内 / Year out of range" })
  .max(2100, { error: "年份不在范围内 / Year out of range" });

export class DocumentRefused extends Error {
  constructor(public readonly bilingual: { zh: string; en: string }) {
    super(`${bilingual.zh} / ${bilingual.en}`);
  }
}

const refuse = (zh: string, en: string) => new DocumentRefused({ zh, en });

/** The document's text: a PDF through pdftotext, a .txt as UTF-8. Refuses what is not a readable budget. */
export async function documentText(bytes: Uint8Array, fileName: string): Promise<string> {
  const meta = documentMeta.safeParse({ fileName, size: bytes.byteLength });
  if (!meta.success) {
    const [zh, en] = meta.error.issues[0].message.split(" / ");
    throw refuse(zh, en ?? zh);
  }
  if (/\.pdf$/i.test(fileName)) {
    if (Buffer.from(bytes.subarray(0, 5)).toString("latin1") !== "%PDF-") throw refuse("文件不是 PDF（文件头不对）", "The file is not a PDF (wrong header)");
    const dir = mkdtempSync(path.join(tmpdir(), "jixiao-onboard-"));
    try {
      const file = path.join(dir, "document.pdf");
      writeFileSync(file, bytes);
      let text: string;
      try {
        text = await pdfToText(file);
      } catch (e) {
        if (e instanceof PdfError) throw new DocumentRefused(e.bilingual);
        throw refuse(`无法读取 PDF：${(e as Error).message}`, `The PDF cannot be read: ${(e as Error).message}`);
      }
      if (text.replace(/[\s\f]/g, "").length === 0) throw refuse("PDF 没有文字层（可能是扫描件或图片），无法读取其中的表；请使用带文字的 PDF", "The PDF has no text layer (a scan or images): its tables cannot be read; use a PDF with text");
      return text;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw refuse("文本文件不是 UTF-8 编码（请用 pdftotext -layout 生成，或直接上传 PDF）", "The text file is not UTF-8 (make it with pdftotext -layout, or upload the PDF)");
  }
  if (text.includes("\u0000")) throw refuse("文件不是文本文件", "The file is not a text file");
  if (text.trim() === "") throw refuse("文件是空的", "The file is empty");
  return text.replace(/^\ufeff/, "");
}

/** The department code a document's budget units imply (503002 … → 503), or null. */
export function codeFromUnits(ex: Extraction): string | null {
  const codes = ex.document.units.map((u) => u.code).filter((c) => /^\d{4,}$/.test(c));
  if (!codes.length) return null;
  const prefixes = new Set(codes.map((c) => c.slice(0, -3)));
  return prefixes.size === 1 ? [...prefixes][0] : null;
}

export { extractBudget };
