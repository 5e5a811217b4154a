import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { BOM, csvLine, neutralise } from "../csv/csv";

export type Sheet = { header: string[]; rows: AsyncIterable<unknown[][]> };

/** A CSV body that streams: BOM, header, then each chunk of rows as it arrives. */
export function csvStream({ header, rows }: Sheet): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(BOM + csvLine(header)));
        return;
      }
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.map(csvLine).join("")));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** An XLSX body written row by row with exceljs's streaming writer, never the whole book in memory. */
export function xlsxStream({ header, rows }: Sheet, sheetName: string): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = book.addWorksheet(sheetName.slice(0, 31));
  void (async () => {
    try {
      sheet.addRow(header.map(neutralise)).commit();
      for await (const chunk of rows) for (const row of chunk) sheet.addRow(row.map(neutralise)).commit();
      sheet.commit();
      await book.commit();
    } catch (e) {
      out.destroy(e instanceof Error ? e : new Error(String(e)));
    }
  })();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

export function attachment(name: string, ext: "csv" | "xlsx") {
  const type =
    ext === "csv"
      ? "text/csv; charset=utf-8"
      : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return {
    "content-type": type,
    "content-disposition": `attachment; filename="report.${ext}"; filename*=UTF-8''${encodeURIComponent(name)}.${ext}`,
    "cache-control": "no-store",
  };
}
