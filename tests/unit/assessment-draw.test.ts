import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { drawExam, drawQuestions, type PoolQuestion } from "@/lib/assessment/draw";
import { seededRandom, shuffled } from "@/lib/assessment/random";
import { MDX_LABELS } from "@/lib/content/catalog";
import { compileChapter } from "@/lib/content/compile";

/** 24 questions over 6 sections, 4 each: q1–q4 test section 1, q5–q8 section 2… */
const pool: PoolQuestion[] = Array.from({ length: 24 }, (_, i) => ({
  id: `q${i + 1}`,
  section: Math.floor(i / 4) + 1,
}));
const sectionOf = (id: string) => pool.find((q) => q.id === id)?.section;

describe("the seeded PRNG", () => {
  it("gives the same numbers for the same seed and different ones for another", () => {
    const take = (seed: string) => Array.from({ length: 5 }, seededRandom(seed));
    expect(take("a")).toEqual(take("a"));
    expect(take("a")).not.toEqual(take("b"));
    for (const x of take("a")) expect(x >= 0 && x < 1).toBe(true);
  });

  it("shuffles into a permutation of the items", () => {
    const items = [1, 2, 3, 4, 5, 6];
    const s = shuffled(items, seededRandom("x"));
    expect([...s].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe("drawQuestions", () => {
  it("is deterministic for a seed, and another seed draws another set", () => {
    const a = drawQuestions({ pool, count: 8, seed: "seed-1" });
    expect(drawQuestions({ pool, count: 8, seed: "seed-1" })).toEqual(a);
    expect(drawQuestions({ pool, count: 8, seed: "seed-2" })).not.toEqual(a);
  });

  it("never repeats a question within an attempt, over many seeds", () => {
    for (let i = 0; i < 200; i++) {
      const ids = drawQuestions({ pool, count: 8, seed: `s${i}` });
      expect(ids).toHaveLength(8);
      expect(new Set(ids).size).toBe(8);
    }
  });

  it("spreads the draw over the sections: 8 from 6 sections of 4 covers all six, none more than twice", () => {
    for (let i = 0; i < 100; i++) {
      const counts = new Map<number, number>();
      for (const id of drawQuestions({ pool, count: 8, seed: `spread${i}` })) {
        const s = sectionOf(id) as number;
        counts.set(s, (counts.get(s) ?? 0) + 1);
      }
      expect(counts.size).toBe(6);
      expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
    }
  });

  it("avoids the previous attempt's questions while the pool allows", () => {
    for (let i = 0; i < 100; i++) {
      const first = drawQuestions({ pool, count: 8, seed: `a${i}` });
      const second = drawQuestions({ pool, count: 8, seed: `b${i}`, avoid: first });
      expect(second.filter((id) => first.includes(id))).toEqual([]);
    }
  });

  it("takes avoided questions only to fill up a small pool, and all of a pool smaller than the draw", () => {
    const small = pool.slice(0, 10);
    const previous = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"];
    const ids = drawQuestions({ pool: small, count: 8, seed: "x", avoid: previous });
    expect(ids).toEqual(expect.arrayContaining(["q9", "q10"]));
    expect(ids.filter((id) => previous.includes(id))).toHaveLength(6);
    expect(new Set(ids).size).toBe(8);
    expect([...drawQuestions({ pool: small.slice(0, 7), count: 8, seed: "x" })].sort()).toEqual(
      small
        .slice(0, 7)
        .map((q) => q.id)
        .sort(),
    );
  });

  it("works for questions without sections (a check not yet turned into a pool)", () => {
    const legacy = pool.slice(0, 8).map((q) => ({ ...q, section: null }));
    expect(new Set(drawQuestions({ pool: legacy, count: 8, seed: "x" })).size).toBe(8);
  });

  it("draws from the shipped 24-question pools", () => {
    const source = readFileSync("content/chapters/service-efficiency.zh-CN.mdx", "utf8");
    const chapter = compileChapter(source, { labels: MDX_LABELS["zh-CN"] });
    if (!chapter.ok) throw new Error("service-efficiency does not compile");
    const { questions, draw } = chapter.chapter;
    const ids = drawQuestions({ pool: questions, count: draw, seed: "shipped" });
    expect(ids).toHaveLength(8);
    const sections = new Set(ids.map((id) => questions.find((q) => q.id === id)?.section));
    expect(sections.size).toBe(5); // the chapter's five ## sections
  });
});

describe("drawExam", () => {
  it("draws each chapter's weighted count from its own pool, deterministically, in chapter order", () => {
    const pools = [
      { slug: "one", pool, count: 3 },
      { slug: "two", pool: pool.slice(0, 12), count: 5, avoid: ["q1", "q2"] },
    ];
    const drawn = drawExam({ pools, seed: "exam" });
    expect(drawExam({ pools, seed: "exam" })).toEqual(drawn);
    expect(drawn.map((d) => d.slug)).toEqual(["one", "one", "one", "two", "two", "two", "two", "two"]);
    const two = drawn.filter((d) => d.slug === "two").map((d) => d.questionId);
    expect(new Set(two).size).toBe(5);
    expect(two).not.toContain("q1");
    expect(two).not.toContain("q2");
  });
});
