// CSV as Excel writes it. Pure.

/**
 * Bytes → text. UTF-8 (with or without BOM) first; Excel on a Chinese Windows saves "CSV" in
 * GB18030/GBK, so a file that is not valid UTF-8 is read as that.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** RFC 4180 with Excel's habits: quoted fields with "" for a quote, CRLF or LF, comma, semicolon or tab separated. */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\ufeff/, "");
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const counts = [",", "\t", ";"].map((d) => [d, firstLine.split(d).length] as const);
  const delim = counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === delim) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
