// A budget PDF → text for the extractor, through poppler's pdftotext (Debian: poppler-utils).
//
// -raw keeps the content stream's order: a merged 一级/二级 cell comes before the rows it spans and a
// row's cells follow each other, the shape the seed text has (tests/fixtures/budgets/README.md compares
// the modes). -layout would print the merged cells in the middle of their span, between rows.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export class PdfError extends Error {
  constructor(public readonly bilingual: { zh: string; en: string }) {
    super(`${bilingual.zh} / ${bilingual.en}`);
  }
}

export async function pdfToText(file: string): Promise<string> {
  let text: string;
  try {
    const { stdout } = await run("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { maxBuffer: 256 * 1024 * 1024, encoding: "utf8" });
    text = stdout;
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === "ENOENT") {
      throw new PdfError({ zh: "未安装 pdftotext（请安装 poppler-utils）", en: "pdftotext is not installed (apt-get install poppler-utils)" });
    }
    const why = err.stderr?.trim() || err.message;
    throw new PdfError({ zh: `PDF 无法读取：${why}`, en: `the PDF cannot be read: ${why}` });
  }
  if (!text.replace(/[\s\f]/g, "")) {
    throw new PdfError({
      zh: "PDF 中没有文字（可能是扫描件或图片），无法读取其中的表格",
      en: "the PDF has no text layer (a scan or images): its tables cannot be read",
    });
  }
  return text;
}
