import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import upstreamFontkit from "@pdf-lib/fontkit";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { fontkit, loadFont } from "@/lib/certificate-pdf/font";
import { certificateIssuer } from "@/lib/certificate-pdf/issuer";
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
    signatory: "授权签发人",
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
  issuer: { name: "示范银行股份有限公司", signatory: { name: "周建军", title: "培训中心主任" } },
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
    signatory: "Authorised signatory",
    revoked: "REVOKED",
  },
  holderName: "Wang Xiaoming",
  branchName: "Jing'an Sub-branch",
  issuedOn: "1 March 2026",
  expiresOn: "1 March 2027",
  issuer: { name: "Demo Bank Co., Ltd.", signatory: { name: "Zhou Jianjun", title: "Head of Training" } },
};

/** A 2×2 red PNG, as a bank's seal file would be (only smaller). */
const SEAL_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFklEQVR4nGP8z8Dwn4GBgYGJAQoAAB8UAQD7yCL5AAAAAElFTkSuQmCC",
  "base64",
);
const hasImage = (bytes: Uint8Array) => Buffer.from(bytes).includes("/Subtype /Image");

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

  it("names the issuing bank and the signatory, in the reader's language", async () => {
    const zhText = await extractText(await renderCertificatePdf(zh));
    for (const expected of ["示范银行股份有限公司", "授权签发人", "周建军 · 培训中心主任"])
      expect(zhText).toContain(expected);
    const enText = await extractText(await renderCertificatePdf(en));
    for (const expected of ["Demo Bank Co., Ltd.", "Authorised signatory", "Zhou Jianjun · Head of Training"])
      expect(enText).toContain(expected);
  });

  it("embeds the seal image only when one is configured", async () => {
    expect(hasImage(await renderCertificatePdf(zh))).toBe(false);
    const sealed = await renderCertificatePdf({ ...zh, issuer: { ...zh.issuer, seal: SEAL_PNG } });
    expect(hasImage(sealed)).toBe(true);
    expect(await extractText(sealed)).toContain("示范银行股份有限公司");
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

describe("certificateIssuer", () => {
  const settings = {
    CERTIFICATE_ISSUER_NAME: "示范银行",
    CERTIFICATE_ISSUER_NAME_EN: "Demo Bank",
    CERTIFICATE_SIGNATORY_NAME: "周建军",
    CERTIFICATE_SIGNATORY_TITLE: "培训中心主任",
  };

  it("takes the English names for English, falling back to the Chinese ones", () => {
    expect(certificateIssuer(settings, "zh-CN")).toMatchObject({
      name: "示范银行",
      signatory: { name: "周建军", title: "培训中心主任" },
    });
    expect(certificateIssuer(settings, "en")).toMatchObject({
      name: "Demo Bank",
      signatory: { title: "培训中心主任" },
    });
    expect(certificateIssuer(settings, "en").seal).toBeUndefined();
  });

  it("reads the seal file", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "seal-")), "seal.png");
    writeFileSync(file, SEAL_PNG);
    expect(certificateIssuer({ ...settings, CERTIFICATE_SEAL_FILE: file }, "zh-CN").seal).toEqual(
      new Uint8Array(SEAL_PNG),
    );
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
