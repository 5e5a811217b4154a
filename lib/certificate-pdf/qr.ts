import type { Color, PDFPage } from "pdf-lib";
import QRCode from "qrcode";

type QrPlacement = { x: number; y: number; size: number; color: Color };

/**
 * Draws `text` as a QR code of vector squares inside a `size`-wide box whose bottom-left corner is (x, y).
 * The box includes the four-module quiet zone scanners need.
 */
export function drawQrCode(page: PDFPage, text: string, { x, y, size, color }: QrPlacement): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const quiet = 4;
  const cell = size / (modules.size + 2 * quiet);
  for (let row = 0; row < modules.size; row++) {
    // Merge horizontal runs of dark modules into one rectangle: fewer operators, no hairline seams.
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      const start = col;
      while (col + 1 < modules.size && modules.get(row, col + 1)) col++;
      page.drawRectangle({
        x: x + (quiet + start) * cell,
        y: y + size - (quiet + row + 1) * cell,
        width: (col - start + 1) * cell,
        height: cell,
        color,
      });
    }
  }
}
