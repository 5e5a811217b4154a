import { describe, expect, it } from "vitest";
import { submissionSchema } from "@/lib/assessment/answers-schema";
import { fileCatalog } from "@/lib/content/catalog";
import { compileChapter } from "@/lib/content/compile";
import { CONTENT_ID, isContentId } from "@/lib/content/ids";
import type { Question } from "@/lib/content/types";
import { answersFrom, scoreKnowledgeCheck } from "@/lib/training/score-check";
import { CHECK, labels, sample } from "./content-fixtures";

/**
 * Issue 17, item 3: a question id "__proto__" or "constructor" passed validation, and learners then
 * got 500 (`l[a.id]?.includes is not a function`). Ids follow one safe pattern, and what is keyed
 * by them is a Map.
 */
const issuesOf = (check: string) => {
  const r = compileChapter(sample("Text.", check), { labels, expect: { slug: "sample", locale: "en" } });
  return r.ok ? [] : r.issues.map((i) => `${i.line} ${i.message}`);
};
// The fixture's check starts right after the body (line 12) and a blank line.
const QUESTION_LINE = 15;
const OPTION_LINE = 16;

describe("question and option ids", () => {
  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"])(
    'refuses the question id "%s" on its line',
    (id) => {
      expect(issuesOf(CHECK.replace('id="q1"', `id="${id}"`))).toContainEqual(
        expect.stringMatching(new RegExp(`^${QUESTION_LINE} question id "${id}" is a reserved name`)),
      );
    },
  );

  it.each(["Q1", "1a", "q_1", "q 1", "问题1", "a".repeat(41)])('refuses the question id "%s"', (id) => {
    expect(issuesOf(CHECK.replace('id="q1"', `id="${id}"`))).toContainEqual(
      expect.stringMatching(new RegExp(`^${QUESTION_LINE} question id .* must be lowercase letters`)),
    );
  });

  it.each(["__proto__", "constructor"])('refuses the option id "%s" on its line', (id) => {
    expect(issuesOf(CHECK.replace('<Option id="a"', `<Option id="${id}"`))).toContainEqual(
      expect.stringMatching(
        new RegExp(`^${OPTION_LINE} question "q1": option id "${id}" is a reserved name`),
      ),
    );
  });

  it("accepts every id the shipped curriculum uses", () => {
    const catalog = fileCatalog();
    const ids = [...catalog.chapters.values()].flatMap((c) =>
      c.result.ok ? c.result.chapter.questions.flatMap((q) => [q.id, ...q.options.map((o) => o.id)]) : [],
    );
    expect(ids.length).toBeGreaterThan(300);
    expect(ids.filter((id) => !isContentId(id))).toEqual([]);
    expect(CONTENT_ID.source).toBe("^[a-z][a-z0-9-]{0,39}$");
  });
});

describe("a learner's submission", () => {
  const submission = (answers: string) =>
    submissionSchema.safeParse(JSON.parse(`{"attemptId":"${crypto.randomUUID()}","answers":${answers}}`));

  it.each([
    '{"__proto__":["a"]}',
    '{"basic-skills/constructor":["a"]}',
    '{"basic-skills/q1":["__proto__x!"]}',
    '{"basic-skills/Q1":["a"]}',
    '{"q1":["a"]}',
  ])("refuses the answers %s", (answers) => {
    expect(submission(answers).success).toBe(false);
  });

  it("accepts ordinary answers", () => {
    expect(submission('{"basic-skills/q1":["Ab3_x-9"],"basic-skills/q2":["a","c"]}').success).toBe(true);
  });
});

describe("scoring reads answers from a Map", () => {
  // As an older revision might hold it: ids that predate the pattern must still not reach Object.prototype.
  const question = (id: string): Question => ({
    id,
    type: "single",
    section: 1,
    line: 1,
    prompt: "?",
    options: [
      { id: "a", text: "A", correct: true, feedback: "" },
      { id: "b", text: "B", correct: false, feedback: "" },
    ],
  });

  it.each(["constructor", "__proto__", "toString"])(
    'scores a question "%s" without touching Object.prototype',
    (id) => {
      const questions = [question(id)];
      expect(() => scoreKnowledgeCheck(questions, new Map(), 80)).not.toThrow();
      expect(scoreKnowledgeCheck(questions, new Map(), 80)).toMatchObject({ score: 0, passed: false });
      const answers = answersFrom(JSON.parse(`{"${id}":["a"]}`));
      expect(scoreKnowledgeCheck(questions, answers, 80)).toMatchObject({ score: 1, passed: true });
      expect(({} as Record<string, unknown>).a).toBeUndefined();
    },
  );
});
