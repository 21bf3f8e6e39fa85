// pdfToText's refusals: a PDF with no text layer and a file that is not a PDF get a clear message.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PdfError, pdfToText } from "./pdf";

const dir = mkdtempSync(path.join(tmpdir(), "jixiao-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// One empty page: what a scanned document's text layer amounts to.
const EMPTY_PAGE = [
  "%PDF-1.4",
  "1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj",
  "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj",
  "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj",
  "trailer<</Root 1 0 R>>",
  "%%EOF",
].join("\n");

describe("pdfToText", () => {
  it("refuses a PDF without text, in both languages", async () => {
    const file = path.join(dir, "scan.pdf");
    writeFileSync(file, EMPTY_PAGE);
    const err = await pdfToText(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfError);
    expect((err as PdfError).bilingual.zh).toContain("没有文字");
    expect((err as PdfError).bilingual.en).toContain("no text");
  });

  it("refuses a file that is not a PDF", async () => {
    const file = path.join(dir, "notes.pdf");
    writeFileSync(file, "not a pdf at all");
    const err = await pdfToText(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfError);
    expect((err as PdfError).bilingual.en).toMatch(/cannot be read|no text/);
  });
});
