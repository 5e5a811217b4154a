import { describe, expect, it } from "vitest";
import { inCurriculumOrder } from "@/lib/training/curriculum-order";

const curriculum = {
  chapters: ["first-impression", "basic-skills", "product-knowledge"],
  scenarios: ["greeting", "listening", "complaint"],
};

describe("inCurriculumOrder", () => {
  it("puts chapters in reading order with their numbers, then scenarios in teaching order", () => {
    const rows = [
      { kind: "scenario" as const, slug: "complaint" },
      { kind: "chapter" as const, slug: "basic-skills" },
      { kind: "scenario" as const, slug: "greeting" },
      { kind: "chapter" as const, slug: "product-knowledge" },
      { kind: "chapter" as const, slug: "first-impression" },
    ];
    expect(inCurriculumOrder(rows, curriculum).map((r) => [r.slug, r.chapterNumber])).toEqual([
      ["first-impression", 1],
      ["basic-skills", 2],
      ["product-knowledge", 3],
      ["greeting", null],
      ["complaint", null],
    ]);
  });

  it("lists items learners do not have yet after their kind, unnumbered and in the given order", () => {
    const rows = [
      { kind: "chapter" as const, slug: "zz-draft" },
      { kind: "scenario" as const, slug: "new-roleplay" },
      { kind: "chapter" as const, slug: "aa-draft" },
      { kind: "chapter" as const, slug: "basic-skills" },
    ];
    expect(inCurriculumOrder(rows, curriculum).map((r) => [r.slug, r.chapterNumber])).toEqual([
      ["basic-skills", 2],
      ["zz-draft", null],
      ["aa-draft", null],
      ["new-roleplay", null],
    ]);
  });

  it("keeps the other fields of each row", () => {
    const [row] = inCurriculumOrder(
      [{ kind: "chapter" as const, slug: "basic-skills", learners: 4 }],
      curriculum,
    );
    expect(row).toEqual({ kind: "chapter", slug: "basic-skills", learners: 4, chapterNumber: 2 });
  });
});
