import { degrees, PageSizes, PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import { fontkit, loadFont } from "./font";
import type { CertificateIssuer } from "./issuer";
import { drawQrCode } from "./qr";
import { clean, type FittedText, fitText } from "./text";

export type CertificatePdfLabels = {
  title: string;
  intro: string;
  employeeNo: string;
  branch: string;
  certification: string;
  issuedAt: string;
  expiresAt: string;
  code: string;
  verifyHint: string;
  /** Under the signature line, before the signatory's name and title. */
  signatory: string;
  /** Watermark text when the certificate is revoked. */
  revoked?: string;
};

export type CertificatePdfInput = {
  labels: CertificatePdfLabels;
  holderName: string;
  employeeNo: string;
  branchName: string;
  certificationName: string;
  /** Dates already formatted for the reader's locale. */
  issuedOn: string;
  expiresOn: string;
  code: string;
  /** Absolute URL of the public verification page; encoded in the QR code. */
  verifyUrl: string;
  revoked?: boolean;
  issuer: CertificateIssuer;
};

const NAVY = rgb(0.09, 0.16, 0.31);
const GOLD = rgb(0.69, 0.55, 0.3);
const INK = rgb(0.2, 0.23, 0.3);
const MUTED = rgb(0.42, 0.45, 0.52);
const PAPER = rgb(0.99, 0.98, 0.96);
const RULE = rgb(0.85, 0.8, 0.7);
const RED = rgb(0.72, 0.11, 0.11);

const [WIDTH, HEIGHT] = [PageSizes.A4[1], PageSizes.A4[0]];
const CENTER = WIDTH / 2;

type Fonts = { regular: PDFFont; bold: PDFFont };

/**
 * An A4 landscape certificate with the holder, its fields and a QR code linking to the verification page.
 * The bytes are backed by a plain ArrayBuffer, so `new Response(bytes)` type-checks.
 */
export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Uint8Array<ArrayBuffer>> {
  const [regularBytes, boldBytes] = await Promise.all([loadFont("regular"), loadFont("bold")]);
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const fonts: Fonts = {
    regular: await pdf.embedFont(regularBytes, { subset: true }),
    bold: await pdf.embedFont(boldBytes, { subset: true }),
  };
  const { labels } = input;
  pdf.setTitle(`${clean(labels.title)} · ${clean(input.holderName)}`);
  pdf.setSubject(clean(input.certificationName));
  pdf.setCreator("Counter Service Skills Training");
  pdf.setProducer("pdf-lib");

  const page = pdf.addPage([WIDTH, HEIGHT]);
  drawFrame(page);
  drawHeading(page, fonts, input);
  drawFields(page, fonts, [
    [labels.employeeNo, input.employeeNo],
    [labels.branch, input.branchName],
    [labels.certification, input.certificationName],
    [labels.issuedAt, input.issuedOn],
    [labels.expiresAt, input.expiresOn],
    [labels.code, input.code],
  ]);
  drawVerification(page, fonts, labels.verifyHint, input.verifyUrl);
  await drawSignature(pdf, page, fonts, labels.signatory, input.issuer);
  if (input.revoked) drawWatermark(page, fonts.bold, clean(labels.revoked ?? "REVOKED"));
  return Uint8Array.from(await pdf.save());
}

function drawFrame(page: PDFPage) {
  page.drawRectangle({ x: 0, y: 0, width: WIDTH, height: HEIGHT, color: PAPER });
  for (const [inset, borderColor, borderWidth] of [
    [20, NAVY, 4],
    [30, GOLD, 1.2],
    [35, GOLD, 0.4],
  ] as const) {
    const size = { width: WIDTH - 2 * inset, height: HEIGHT - 2 * inset };
    page.drawRectangle({ x: inset, y: inset, ...size, borderColor, borderWidth });
  }
  for (const [x, y] of [
    [30, 30],
    [WIDTH - 30, 30],
    [30, HEIGHT - 30],
    [WIDTH - 30, HEIGHT - 30],
  ] as const) {
    drawDiamond(page, x, y, 7);
  }
}

function drawDiamond(page: PDFPage, x: number, y: number, radius: number) {
  page.drawSvgPath(`M 0 ${-radius} L ${radius} 0 L 0 ${radius} L ${-radius} 0 Z`, {
    x,
    y,
    color: GOLD,
    borderColor: PAPER,
    borderWidth: 1.5,
  });
}

function drawHeading(page: PDFPage, fonts: Fonts, input: CertificatePdfInput) {
  const issuer = fitText(clean(input.issuer.name), fonts.bold, { maxWidth: 480, maxSize: 16, minSize: 11 });
  drawCentered(page, fonts.bold, issuer, 512, GOLD);
  const title = fitText(clean(input.labels.title), fonts.bold, { maxWidth: 620, maxSize: 30, minSize: 18 });
  drawCentered(page, fonts.bold, title, 462, NAVY);

  page.drawLine({ start: { x: CENTER - 150, y: 438 }, end: { x: CENTER - 14, y: 438 }, color: GOLD });
  page.drawLine({ start: { x: CENTER + 14, y: 438 }, end: { x: CENTER + 150, y: 438 }, color: GOLD });
  drawDiamond(page, CENTER, 438, 5);

  const intro = fitText(clean(input.labels.intro), fonts.regular, {
    maxWidth: 560,
    maxSize: 14,
    minSize: 10,
  });
  drawCentered(page, fonts.regular, intro, 400, MUTED);

  const name = fitText(clean(input.holderName), fonts.bold, { maxWidth: 560, maxSize: 38, minSize: 18 });
  // A wrapped name grows upwards so its last line keeps clear of the rule below.
  drawCentered(page, fonts.bold, name, 346 + (name.lines.length - 1) * name.size * 1.25, NAVY);
  page.drawLine({
    start: { x: CENTER - 190, y: 330 },
    end: { x: CENTER + 190, y: 330 },
    color: GOLD,
    thickness: 0.8,
  });
}

/** Draws the lines centred on the page, the first baseline at `y`. */
function drawCentered(page: PDFPage, font: PDFFont, text: FittedText, y: number, color = INK) {
  text.lines.forEach((line, i) => {
    const width = font.widthOfTextAtSize(line, text.size);
    page.drawText(line, { x: CENTER - width / 2, y: y - i * text.size * 1.25, size: text.size, font, color });
  });
}

const FIELDS_LEFT = 92;
const FIELDS_RIGHT = 560;

function drawFields(page: PDFPage, fonts: Fonts, fields: [label: string, value: string][]) {
  const labelSize = 10.5;
  const labelWidth = Math.max(
    ...fields.map(([label]) => fonts.regular.widthOfTextAtSize(clean(label), labelSize)),
  );
  const valueX = FIELDS_LEFT + Math.min(labelWidth, 140) + 18;
  let y = 282;
  for (const [label, value] of fields) {
    const fittedLabel = fitText(clean(label), fonts.regular, {
      maxWidth: valueX - FIELDS_LEFT - 12,
      maxSize: labelSize,
      minSize: 7,
    });
    const fittedValue = fitText(clean(value), fonts.regular, {
      maxWidth: FIELDS_RIGHT - valueX,
      maxSize: 13,
      minSize: 10,
    });
    page.drawText(fittedLabel.lines[0] ?? "", {
      x: FIELDS_LEFT,
      y,
      size: fittedLabel.size,
      font: fonts.regular,
      color: MUTED,
    });
    fittedValue.lines.forEach((line, i) => {
      page.drawText(line, {
        x: valueX,
        y: y - i * 14,
        size: fittedValue.size,
        font: fonts.regular,
        color: INK,
      });
    });
    const bottom = y - (fittedValue.lines.length - 1) * 14 - 8;
    page.drawLine({
      start: { x: FIELDS_LEFT, y: bottom },
      end: { x: FIELDS_RIGHT, y: bottom },
      color: RULE,
      thickness: 0.5,
    });
    y = bottom - 20;
  }
}

const QR_SIZE = 128;
const QR_CENTER = WIDTH - 160;

function drawVerification(page: PDFPage, fonts: Fonts, hint: string, url: string) {
  const x = QR_CENTER - QR_SIZE / 2;
  const y = 92;
  page.drawRectangle({
    x,
    y,
    width: QR_SIZE,
    height: QR_SIZE,
    color: rgb(1, 1, 1),
    borderColor: RULE,
    borderWidth: 0.5,
  });
  drawQrCode(page, url, { x, y, size: QR_SIZE, color: NAVY });

  const fittedHint = fitText(clean(hint), fonts.regular, { maxWidth: 210, maxSize: 9, minSize: 7 });
  const fittedUrl = fitText(url, fonts.regular, { maxWidth: 210, maxSize: 8, minSize: 6.5 });
  let line = y - 16;
  for (const [text, color] of [
    [fittedHint, MUTED],
    [fittedUrl, NAVY],
  ] as const) {
    for (const part of text.lines) {
      const width = fonts.regular.widthOfTextAtSize(part, text.size);
      page.drawText(part, { x: QR_CENTER - width / 2, y: line, size: text.size, font: fonts.regular, color });
      line -= text.size * 1.4;
    }
  }
}

const SIGNATURE_Y = 262;
const SEAL_SIZE = 96;

/**
 * The issuer's signature block above the QR code: a line to sign on, the signatory's name and title
 * under it, and the seal stamped on the line's right end, clear of the name, as on a paper certificate.
 */
async function drawSignature(
  pdf: PDFDocument,
  page: PDFPage,
  fonts: Fonts,
  label: string,
  issuer: CertificateIssuer,
) {
  page.drawLine({
    start: { x: QR_CENTER - 90, y: SIGNATURE_Y },
    end: { x: QR_CENTER + 90, y: SIGNATURE_Y },
    color: INK,
    thickness: 0.6,
  });
  const who = [issuer.signatory?.name, issuer.signatory?.title].filter(Boolean).join(" · ");
  let line = SIGNATURE_Y - 14;
  for (const [text, font, size, color] of [
    [clean(label), fonts.regular, 8.5, MUTED],
    [clean(who), fonts.bold, 10.5, INK],
  ] as const) {
    if (!text) continue;
    const fitted = fitText(text, font, { maxWidth: 200, maxSize: size, minSize: 7 });
    const first = fitted.lines[0] ?? "";
    const width = font.widthOfTextAtSize(first, fitted.size);
    page.drawText(first, { x: QR_CENTER - width / 2, y: line, size: fitted.size, font, color });
    line -= fitted.size * 1.35;
  }
  if (!issuer.seal) return;
  const isPng = issuer.seal[0] === 0x89 && issuer.seal[1] === 0x50;
  const image = isPng ? await pdf.embedPng(issuer.seal) : await pdf.embedJpg(issuer.seal);
  const scale = SEAL_SIZE / Math.max(image.width, image.height);
  const [width, height] = [image.width * scale, image.height * scale];
  page.drawImage(image, {
    x: QR_CENTER + 50 - width / 2,
    y: SIGNATURE_Y + 30 - height / 2,
    width,
    height,
    opacity: 0.9,
  });
}

function drawWatermark(page: PDFPage, font: PDFFont, text: string) {
  const angle = 28;
  const size = Math.min(110, (560 / font.widthOfTextAtSize(text, 100)) * 100);
  const width = font.widthOfTextAtSize(text, size);
  const height = font.heightAtSize(size, { descender: false });
  const radians = (angle * Math.PI) / 180;
  // Start the rotated baseline so the text's centre lands on the page's centre.
  const x = CENTER - (width / 2) * Math.cos(radians) + (height / 2) * Math.sin(radians);
  const y = HEIGHT / 2 - (width / 2) * Math.sin(radians) - (height / 2) * Math.cos(radians);
  page.drawText(text, { x, y, size, font, color: RED, opacity: 0.16, rotate: degrees(angle) });
}
