import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { decodeText, detectKind } from "./decode";

export type Table = string[][];

export class UnreadableFile extends Error {}

/** The delimiter of the header line: Excel writes commas, some locales semicolons, "Unicode text" tabs. */
function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [",", ";", "\t"].map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

export function readCsv(text: string): Table {
  try {
    return parse(text, {
      delimiter: guessDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      bom: true,
    }) as Table;
  } catch (e) {
    throw new UnreadableFile(e instanceof Error ? e.message : String(e));
  }
}

function pad(n: number) {
  return String(n).padStart(2, "0");
}

/** A cell as the text a person sees: dates as YYYY-MM-DD, links and rich text as their text, formulas as their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return cellText(value.text as ExcelJS.CellValue);
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("error" in value) return "";
    return "";
  }
  return String(value);
}

export async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    throw new UnreadableFile(e instanceof Error ? e.message : String(e));
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: Table = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? "");
  });
  return Array.from(rows, (r) => r ?? []);
}

/** The rows of an uploaded file, header first, whatever its format and encoding. */
export async function readTable(bytes: Uint8Array): Promise<Table> {
  if (detectKind(bytes) === "xlsx") return readXlsx(bytes);
  return readCsv(decodeText(bytes).text);
}
