/** Excel's byte-order mark, so a UTF-8 CSV with Chinese opens correctly. */
export const BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell value safe to open in a spreadsheet: text that begins with =, +, -, @, a tab or a
 * carriage return is prefixed with an apostrophe so it is shown, never run as a formula.
 * Numbers stay numbers (a negative number is data, not a formula).
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
