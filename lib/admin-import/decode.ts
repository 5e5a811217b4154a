import iconv from "iconv-lite";

export type FileKind = "xlsx" | "csv";

/** XLSX files are zip archives; anything else is read as delimited text. */
export function detectKind(bytes: Uint8Array): FileKind {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? "xlsx" : "csv";
}

export type TextEncoding = "utf-8" | "utf-16le" | "gb18030";

/**
 * Text of a CSV export: UTF-8 with or without a BOM, UTF-16 with a BOM ("Unicode text"), and
 * otherwise GBK as Chinese Excel writes it (decoded as GB18030, its superset). A file that is not
 * valid UTF-8 is taken to be GBK.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), "gb18030"), encoding: "gb18030" };
  }
}
