// The shapes the budget-document extractor returns (shared with the onboarding CLI and admin page).
import type { Document } from "../../prisma/seed/document";

export type ExtractProblem = {
  code: string; // e.g. "no_tables" | "truncated" | "unreadable_row" | "row_count" | "unknown_layout"
  table: string | null; // "10" | "11" | "12-3" | null
  page: number | null; // when the text has form feeds (pdftotext emits \f between pages), else null
  line: number; // 1-based line in the text
  text?: string; // the source line(s) concerned
  message: { zh: string; en: string };
};

/** 1-based inclusive line range of one indicator row in the text. */
export type RowSource = {
  table: string;
  term: "annual" | "long_term";
  goalNo: number | null;
  index: number;
  from: number;
  to: number;
};

export type Extraction = {
  year: number; // the budget year read from the document (预计当年实现(2024年) etc.)
  document: Omit<Document, "organizations">; // exactly the shapes of prisma/data/<year>/*.json
  rows: RowSource[]; // one per indicator row of document, for the review screen
  problems: ExtractProblem[]; // everything that could not be read, by page and line
  lineCount: number;
};
