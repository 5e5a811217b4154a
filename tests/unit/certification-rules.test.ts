import { describe, expect, it } from "vitest";
import { certificationFiles } from "@/lib/certification/catalog";
import { type Certification, certificationSchema, examShares } from "@/lib/certification/definition";
import { examEligibility } from "@/lib/certification/exam-eligibility";
import {
  type Certificate,
  certificateStatus,
  checkExam,
  checkRequirements,
  decide,
  type ExamResult,
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
const passedExam = (at: string, percent = 90): ExamResult => ({
  certificationId: def.id,
  percent,
  passed: percent >= 80,
  at: d(at),
});
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

  it("has a 30-question exam over the seven chapters, 30 minutes, 80%, one attempt a day", () => {
    expect(def.exam).toMatchObject({
      questions: 30,
      timeLimitMinutes: 30,
      passScore: 80,
      retakeAfterHours: 24,
    });
    const shares = examShares(def);
    expect(shares.map((s) => s.slug)).toEqual(def.chapters);
    expect(shares.reduce((n, s) => n + s.count, 0)).toBe(30);
  });
});

describe("the exam definition", () => {
  const base = {
    id: "x",
    name: { "zh-CN": "x", en: "x" },
    chapters: ["one", "two"],
    scenarios: [],
    renewal: { chapters: [], scenarios: [] },
  };
  const problems = (exam: unknown) => {
    const r = certificationSchema.safeParse({ ...base, exam });
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("defaults the limit, pass mark and retake wait", () => {
    const r = certificationSchema.parse({ ...base, exam: { questions: 5, weights: { one: 2, two: 3 } } });
    expect(r.exam).toEqual({
      questions: 5,
      weights: { one: 2, two: 3 },
      timeLimitMinutes: 30,
      passScore: 80,
      retakeAfterHours: 24,
    });
    expect(certificationSchema.parse(base).exam).toBeUndefined();
  });

  it("needs weights that add up to the questions, over the certification's own chapters", () => {
    expect(problems({ questions: 6, weights: { one: 2, two: 3 } })).toEqual([
      "exam.weights: the weights must add up to questions",
    ]);
    expect(problems({ questions: 5, weights: { one: 2, three: 3 } })).toEqual([
      'exam.weights.three: "three" is not one of the certification\'s chapters',
    ]);
  });
});

describe("checkRequirements", () => {
  it("is met exactly at each threshold", () => {
    const results: Results = {
      chapters: allChapters("2026-01-01"),
      scenarios: scenarios("2026-01-01", 70, 70, 80),
      exams: [],
    };
    const check = checkRequirements(def, results);
    expect(check.met).toBe(true);
    expect(check.snapshot["scenario:complaint"]).toBe(80);
  });

  it("lists what is missing one point below a threshold or a chapter short", () => {
    const results: Results = {
      chapters: allChapters("2026-01-01").filter((c) => c.slug !== "product-knowledge"),
      scenarios: scenarios("2026-01-01", 70, 69, 80),
      exams: [],
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
      exams: [],
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
    exams: [passedExam("2026-01-01")],
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
      exams: [passedExam("2026-11-21")],
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
      missing: ["chapter:complaint-handling", "scenario:complaint>=80", `exam:${def.id}`],
    });
    const short: Results = {
      chapters: [
        ...full.chapters,
        { slug: "complaint-handling", percent: 90, passed: true, at: d("2026-11-20") },
      ],
      scenarios: [...full.scenarios, { slug: "complaint", percent: 79, at: d("2026-11-21") }],
      exams: [passedExam("2026-11-21")],
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
      exams: [passedExam("2025-06-01")],
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

describe("the exam requirement", () => {
  const exam = (at: string, percent: number) => passedExam(at, percent);
  const done: Results = {
    chapters: allChapters("2026-01-01"),
    scenarios: scenarios("2026-01-01", 90, 90, 90),
    exams: [],
  };

  it("a certificate needs an exam pass; the snapshot keeps the best passing percent", () => {
    expect(decide(def, done, null, d("2026-01-10"))).toEqual({
      issue: false,
      reason: "requirements",
      missing: [`exam:${def.id}`],
    });
    const failed = { ...done, exams: [exam("2026-01-05", 70)] };
    expect(decide(def, failed, null, d("2026-01-10"))).toMatchObject({ issue: false });
    const passed = {
      ...done,
      exams: [exam("2026-01-05", 70), exam("2026-01-06", 83), exam("2026-01-07", 90)],
    };
    expect(decide(def, passed, null, d("2026-01-10"))).toMatchObject({
      issue: true,
      kind: "initial",
      snapshot: { [`exam:${def.id}`]: 90, "chapter:complaint-handling": 90, "scenario:complaint": 90 },
    });
  });

  it("another certification's exam does not count", () => {
    const other = { ...done, exams: [{ ...exam("2026-01-06", 95), certificationId: "other" }] };
    expect(checkExam(def, other).missing).toEqual([`exam:${def.id}`]);
  });

  it("a renewal needs an exam pass inside the renewal window", () => {
    const current = cert("2026-01-10", "2027-01-10"); // window opens 2026-11-11
    const renewed: Results = {
      chapters: [
        ...done.chapters,
        { slug: "complaint-handling", percent: 100, passed: true, at: d("2026-11-20") },
      ],
      scenarios: [...done.scenarios, { slug: "complaint", percent: 85, at: d("2026-11-21") }],
      exams: [exam("2026-01-06", 90)],
    };
    expect(decide(def, renewed, current, d("2026-11-21"))).toMatchObject({
      issue: false,
      missing: [`exam:${def.id}`],
    });
    const again = { ...renewed, exams: [...renewed.exams, exam("2026-11-22", 85)] };
    expect(decide(def, again, current, d("2026-11-22"))).toMatchObject({
      issue: true,
      kind: "renewal",
      expiresAt: d("2028-01-10"),
      snapshot: { [`exam:${def.id}`]: 85 },
    });
  });
});

describe("examEligibility", () => {
  const done: Results = {
    chapters: allChapters("2026-01-01"),
    scenarios: scenarios("2026-01-01", 90, 90, 90),
    exams: [],
  };

  it("opens once the other requirements are met", () => {
    const short = { ...done, scenarios: scenarios("2026-01-01", 90, 60, 90) };
    expect(examEligibility(def, short, null, null, d("2026-01-10"))).toEqual({
      may: false,
      reason: "requirements",
      missing: ["scenario:listening>=70"],
    });
    expect(examEligibility(def, done, null, null, d("2026-01-10"))).toEqual({ may: true, kind: "initial" });
  });

  it("waits 24 hours after the previous exam attempt started", () => {
    const previous = new Date("2026-01-10T09:30:00Z");
    expect(examEligibility(def, done, null, previous, new Date("2026-01-11T09:29:59Z"))).toEqual({
      may: false,
      reason: "retake-wait",
      opensAt: new Date("2026-01-11T09:30:00Z"),
    });
    expect(examEligibility(def, done, null, previous, new Date("2026-01-11T09:30:00Z"))).toMatchObject({
      may: true,
    });
  });

  it("for a renewal, needs the renewal requirements since the window opened, and only inside it", () => {
    const current = cert("2026-01-10", "2027-01-10");
    expect(examEligibility(def, done, current, null, d("2026-06-01"))).toEqual({
      may: false,
      reason: "already-certified",
    });
    expect(examEligibility(def, done, current, null, d("2026-11-21"))).toEqual({
      may: false,
      reason: "requirements",
      missing: ["chapter:complaint-handling", "scenario:complaint>=80"],
    });
    const renewed: Results = {
      ...done,
      chapters: [
        ...done.chapters,
        { slug: "complaint-handling", percent: 100, passed: true, at: d("2026-11-20") },
      ],
      scenarios: [...done.scenarios, { slug: "complaint", percent: 85, at: d("2026-11-21") }],
    };
    expect(examEligibility(def, renewed, current, null, d("2026-11-21"))).toEqual({
      may: true,
      kind: "renewal",
    });
    expect(
      examEligibility(def, done, cert("2026-01-01", "2027-01-01", "2026-02-01"), null, d("2026-03-01")),
    ).toEqual({ may: false, reason: "revoked" });
  });

  it("a certification without an exam has none to start", () => {
    const { exam: _, ...noExam } = def;
    expect(examEligibility(noExam, done, null, null, d("2026-01-10"))).toEqual({
      may: false,
      reason: "no-exam",
    });
  });
});
