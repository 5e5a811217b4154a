/** Excel's byte-order mark, so a UTF-8 CSV with Chinese opens correctly. */
export const BOM = "\uFEFF";

/**
 * Text a spreadsheet would run as a formula: it begins with =, +, -, @ (or their full-width forms
 * ＝ ＋ － ＠, which Excel and WPS also accept), a tab or a carriage return.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * The one formula neutraliser, for every CSV and XLSX the app writes: text that a spreadsheet would
 * run is prefixed with an apostrophe so it is shown, never run. Names, reasons and audit entries
 * come from uploaded files and users. Numbers stay numbers (a negative number is data).
 */
export function neutralise(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const text = value instanceof Date ? value.toISOString() : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV record (RFC 4180 quoting), every cell neutralised, ending in CRLF. */
export function csvLine(cells: readonly unknown[]): string {
  return `${cells
    .map((cell) => {
      const v = neutralise(cell);
      if (v === null) return "";
      const text = String(v);
      return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(",")}\r\n`;
}

/** A whole CSV file: the BOM, then every record. For streams, see lib/reports/export-stream.ts. */
export function csvFile(rows: readonly (readonly unknown[])[]): string {
  return BOM + rows.map(csvLine).join("");
}
