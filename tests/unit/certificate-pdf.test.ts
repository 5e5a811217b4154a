import upstreamFontkit from "@pdf-lib/fontkit";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { fontkit, loadFont } from "@/lib/certificate-pdf/font";
import { type CertificatePdfInput, renderCertificatePdf } from "@/lib/certificate-pdf/render";

const zh: CertificatePdfInput = {
  labels: {
    title: "柜面服务技能认证证书",
    intro: "兹证明",
    employeeNo: "员工编号",
    branch: "所属网点",
    certification: "认证项目",
    issuedAt: "颁发日期",
    expiresAt: "有效期至",
    code: "证书编号",
    verifyHint: "扫码或访问以下地址核验真伪",
    revoked: "已撤销",
  },
  holderName: "王晓明",
  employeeNo: "E1001",
  branchName: "静安支行",
  certificationName: "柜面服务技能认证",
  issuedOn: "2026年3月1日",
  expiresOn: "2027年3月1日",
  code: "7KQ2M9XH4PRT",
  verifyUrl: "http://localhost:3000/verify/7KQ2M9XH4PRT",
};

const en: CertificatePdfInput = {
  ...zh,
  labels: {
    title: "Counter Service Skills Certificate",
    intro: "This certifies that",
    employeeNo: "Employee no.",
    branch: "Branch",
    certification: "Certification",
    issuedAt: "Issued on",
    expiresAt: "Valid until",
    code: "Certificate code",
    verifyHint: "Scan or visit to verify",
    revoked: "REVOKED",
  },
  holderName: "Wang Xiaoming",
  branchName: "Jing'an Sub-branch",
  issuedOn: "1 March 2026",
  expiresOn: "1 March 2027",
};

/** Text per line as a PDF reader extracts it, which needs the fonts' ToUnicode maps. */
async function extractText(bytes: Uint8Array): Promise<string> {
  // pdf.js takes ownership of (detaches) the buffer it is given.
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true })
    .promise;
  try {
    const page = await pdf.getPage(1);
    const content = await page.getTextContent();
    return content.items.map((item) => ("str" in item ? item.str : "")).join("\n");
  } finally {
    await pdf.destroy();
  }
}

describe("renderCertificatePdf", () => {
  it("renders a Chinese certificate whose text can be extracted", async () => {
    const bytes = await renderCertificatePdf(zh);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
    expect(bytes.byteLength).toBeLessThan(500 * 1024);

    const text = await extractText(bytes);
    for (const expected of [
      "柜面服务技能认证证书",
      "王晓明",
      "E1001",
      "静安支行",
      "柜面服务技能认证",
      "7KQ2M9XH4PRT",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain("2027年3月1日");
    expect(text).toContain(zh.verifyUrl);
    expect(text).not.toContain("已撤销");
  });

  it("renders an English certificate", async () => {
    const text = await extractText(await renderCertificatePdf(en));
    for (const expected of [
      "Counter Service Skills Certificate",
      "Wang Xiaoming",
      "E1001",
      "Jing'an Sub-branch",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain("柜面服务技能认证");
    expect(text).toContain("7KQ2M9XH4PRT");
  });

  it("marks a revoked certificate with the revoked label", async () => {
    expect(await extractText(await renderCertificatePdf({ ...zh, revoked: true }))).toContain("已撤销");
    expect(await extractText(await renderCertificatePdf({ ...en, revoked: true }))).toContain("REVOKED");
  });

  it("sets the document metadata", async () => {
    const pdf = await getDocument({ data: await renderCertificatePdf(zh), useSystemFonts: false }).promise;
    const { info } = await pdf.getMetadata();
    await pdf.destroy();
    expect(info).toMatchObject({ Title: "柜面服务技能认证证书 · 王晓明", Subject: "柜面服务技能认证" });
  });

  it("keeps a long name and branch on the page", async () => {
    const text = await extractText(
      await renderCertificatePdf({
        ...en,
        holderName: "Maximilian Alexander Konstantin von Hohenzollern-Sigmaringen",
        branchName: "中国某某银行股份有限公司上海市分行静安区南京西路第二支行营业部个人金融业务中心",
      }),
    );
    expect(text).toContain("Hohenzollern-Sigmaringen");
    expect(text.replace(/\n/g, "")).toContain("个人金融业务中心");
  });
});

describe("the certificate font subset", () => {
  // Text extraction only reads the ToUnicode map; this checks the glyph outlines themselves,
  // which @pdf-lib/fontkit 1.1.1 corrupts without the loca fix in font.ts.
  it("keeps every glyph outline intact", async () => {
    const font = fontkit.create(await loadFont("bold"));
    const { glyphs } = font.layout("王晓明 静安支行 柜面服务技能认证 E1001 7KQ2M9XH4PRT");
    const subset = font.createSubset();
    const ids = glyphs.map((glyph) => subset.includeGlyph(glyph));
    const parts: Uint8Array[] = [];
    await new Promise((resolve) =>
      subset
        .encodeStream()
        .on("data", (part) => parts.push(part))
        .on("end", resolve),
    );

    const embedded = upstreamFontkit.create(Buffer.concat(parts));
    const outlines = glyphs.map((_, i) => embedded.getGlyph(ids[i] ?? 0).path.toSVG());
    expect(outlines).toEqual(glyphs.map((glyph) => glyph.path.toSVG()));
  });
});
