import { describe, expect, it } from "vitest";
import { certificationFiles } from "@/lib/certification/catalog";
import type { Certification } from "@/lib/certification/definition";
import {
  type Certificate,
  certificateStatus,
  checkRequirements,
  decide,
  type Results,
} from "@/lib/certification/rules";
import { CODE_ALPHABET, CODE_LENGTH, generateVerificationCode } from "@/lib/certification/verification-code";

const [file] = certificationFiles();
if (!file || !("certification" in file.result)) throw new Error("counter-service.yaml is invalid");
const def: Certification = file.result.certification;

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const allChapters = (at: string, percent = 90) =>
  def.chapters.map((slug) => ({ slug, percent, passed: true, at: d(at) }));
const scenarios = (at: string, greeting: number, listening: number, complaint: number) => [
  { slug: "greeting", percent: greeting, at: d(at) },
  { slug: "listening", percent: listening, at: d(at) },
  { slug: "complaint", percent: complaint, at: d(at) },
];
const cert = (issued: string, expires: string, revoked: string | null = null): Certificate => ({
  issuedAt: d(issued),
  expiresAt: d(expires),
  revokedAt: revoked ? d(revoked) : null,
});

describe("the shipped certification", () => {
  it("requires all seven chapters and the three scenarios, 12 months, a 60-day window", () => {
    expect(def.chapters).toHaveLength(7);
    expect(def.scenarios).toEqual([
      { slug: "greeting", minPercent: 70 },
      { slug: "listening", minPercent: 70 },
      { slug: "complaint", minPercent: 80 },
    ]);
    expect([def.validityMonths, def.renewalWindowDays]).toEqual([12, 60]);
  });
});

describe("checkRequirements", () => {
  it("is met exactly at each threshold", () => {
    const results: Results = {
      chapters: allChapters("2026-01-01"),
      scenarios: scenarios("2026-01-01", 70, 70, 80),
    };
    const check = checkRequirements(def, results);
    expect(check.met).toBe(true);
    expect(check.snapshot["scenario:complaint"]).toBe(80);
  });

  it("lists what is missing one point below a threshold or a chapter short", () => {
    const results: Results = {
      chapters: allChapters("2026-01-01").filter((c) => c.slug !== "product-knowledge"),
      scenarios: scenarios("2026-01-01", 70, 69, 80),
    };
    expect(checkRequirements(def, results).missing).toEqual([
      "chapter:product-knowledge",
      "scenario:listening>=70",
    ]);
  });

  it("ignores failed chapter attempts and takes the best scenario score", () => {
    const results: Results = {
      chapters: [
        ...allChapters("2026-01-01"),
        { slug: "basic-skills", percent: 40, passed: false, at: d("2026-02-01") },
      ],
      scenarios: [
        ...scenarios("2026-01-01", 70, 70, 60),
        { slug: "complaint", percent: 85, at: d("2026-01-02") },
      ],
    };
    const check = checkRequirements(def, results);
    expect(check.met).toBe(true);
    expect(check.snapshot["scenario:complaint"]).toBe(85);
  });
});

describe("certificateStatus", () => {
  const c = cert("2026-01-01", "2027-01-01");
  it.each([
    ["2026-06-01", "valid"],
    ["2026-11-01", "valid"], // 61 days before expiry
    ["2026-11-02", "expiring"], // exactly 60 days before
    ["2026-12-31", "expiring"],
    ["2027-01-01", "expired"], // at the expiry instant
    ["2027-01-02", "expired"], // expired yesterday
  ])("on %s it is %s", (now, status) => {
    expect(certificateStatus(def, c, d(now))).toBe(status);
  });

  it("revoked wins over everything", () => {
    expect(certificateStatus(def, cert("2026-01-01", "2027-01-01", "2026-03-01"), d("2026-06-01"))).toBe(
      "revoked",
    );
  });
});

describe("decide", () => {
  const full: Results = {
    chapters: allChapters("2026-01-01"),
    scenarios: scenarios("2026-01-01", 90, 90, 90),
  };

  it("issues the first certificate for 12 months when everything is passed", () => {
    const decision = decide(def, full, null, d("2026-01-10"));
    expect(decision).toMatchObject({
      issue: true,
      kind: "initial",
      issuedAt: d("2026-01-10"),
      expiresAt: d("2027-01-10"),
    });
  });

  it("does nothing while a certificate is valid outside its window", () => {
    expect(decide(def, full, cert("2026-01-10", "2027-01-10"), d("2026-06-01"))).toMatchObject({
      issue: false,
      reason: "already-certified",
    });
  });

  it("renews inside the window with chapter 4 and the complaint passed again since it opened", () => {
    const current = cert("2026-01-10", "2027-01-10"); // window opens 2026-11-11
    const again: Results = {
      chapters: [
        ...full.chapters,
        { slug: "complaint-handling", percent: 100, passed: true, at: d("2026-11-20") },
      ],
      scenarios: [...full.scenarios, { slug: "complaint", percent: 85, at: d("2026-11-21") }],
    };
    expect(decide(def, again, current, d("2026-11-21"))).toMatchObject({
      issue: true,
      kind: "renewal",
      expiresAt: d("2028-01-10"),
    });
  });

  it("a renewal fails when the results predate the window or fall short", () => {
    const current = cert("2026-01-10", "2027-01-10");
    expect(decide(def, full, current, d("2026-11-21"))).toMatchObject({
      issue: false,
      reason: "requirements",
      missing: ["chapter:complaint-handling", "scenario:complaint>=80"],
    });
    const short: Results = {
      chapters: [
        ...full.chapters,
        { slug: "complaint-handling", percent: 90, passed: true, at: d("2026-11-20") },
      ],
      scenarios: [...full.scenarios, { slug: "complaint", percent: 79, at: d("2026-11-21") }],
    };
    expect(decide(def, short, current, d("2026-11-21"))).toMatchObject({
      issue: false,
      missing: ["scenario:complaint>=80"],
    });
  });

  it("after expiry the full requirements apply again; a revoked certificate is never reissued automatically", () => {
    expect(decide(def, full, cert("2025-01-01", "2026-01-01"), d("2026-02-01"))).toMatchObject({
      issue: true,
      kind: "initial",
    });
    const stale: Results = {
      chapters: allChapters("2025-06-01"),
      scenarios: scenarios("2025-06-01", 90, 90, 90),
    };
    expect(decide(def, stale, cert("2025-01-01", "2026-01-01"), d("2026-02-01"))).toMatchObject({
      issue: false,
      reason: "requirements",
    });
    expect(decide(def, full, cert("2026-01-01", "2027-01-01", "2026-02-01"), d("2026-03-01"))).toMatchObject({
      issue: false,
      reason: "revoked",
    });
  });
});

describe("generateVerificationCode", () => {
  it("makes 12-character codes from the unambiguous alphabet, without repeats in practice", () => {
    const codes = new Set(Array.from({ length: 2000 }, generateVerificationCode));
    expect(codes.size).toBe(2000);
    for (const code of codes) {
      expect(code).toHaveLength(CODE_LENGTH);
      expect([...code].every((ch) => CODE_ALPHABET.includes(ch))).toBe(true);
    }
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });
});
