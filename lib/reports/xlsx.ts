import type { FormDefinition } from "./layouts";
import type { SelfEvaluation } from "./self-eval";
import { selfEvalSheet } from "./self-eval-sheet";
import { sheetsToXlsx } from "./render/xlsx";

/** A self-evaluation form definition filled with one form's data, as an XLSX workbook. */
export const selfEvalXlsx = (def: FormDefinition, d: SelfEvaluation): Promise<Buffer> => sheetsToXlsx([selfEvalSheet(def, d)]);
