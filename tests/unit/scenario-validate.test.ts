import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { maxScores } from "@/lib/scenario/max-scores";
import { validateScenario } from "@/lib/scenario/validate";
import { VALID } from "./scenario-fixtures";

const issuesOf = (source: string) => {
  const r = validateScenario(source);
  if ("scenario" in r) throw new Error("expected issues");
  return r.issues.map((i) => `${i.line}:${i.column} ${i.message}`);
};

describe("validateScenario", () => {
  it("accepts a valid scenario and computes per-competency maxima over all paths", () => {
    const r = validateScenario(VALID);
    if (!("scenario" in r)) throw new Error(JSON.stringify(r.issues));
    // empathy: greet (2) + full rubric (3); ownership: the "wait" path gives 1, the text path 2.
    expect(maxScores(r.scenario)).toEqual({ empathy: 5, ownership: 2 });
  });

  it("reports a missing target on its line", () => {
    expect(issuesOf(VALID.replace("next: explain", "next: nowhere"))).toEqual([
      '24:15 step "arrive" leads to "nowhere", which does not exist',
    ]);
  });

  it("reports an unreachable step", () => {
    const src = VALID.replace("        next: explain", "        next: upset");
    expect(issuesOf(src)).toEqual([
      '35:5 step "explain" cannot be reached from "arrive"',
      '61:5 step "happy" cannot be reached from "arrive"',
    ]);
  });

  it("reports a loop (a path that never ends)", () => {
    const src = VALID.replace("    next: upset\n  upset:", "    next: arrive\n  upset:");
    expect(issuesOf(src)).toEqual([expect.stringMatching(/^54:11 loop: arrive → explain → arrive/)]);
  });

  it("reports an undeclared competency and a rubric without required elements", () => {
    expect(issuesOf(VALID.replace("points: { empathy: 2 }", "points: { charm: 2 }"))).toEqual([
      '22:26 competency "charm" is not declared in competencies',
    ]);
    const noRequired = VALID.replace(/ {6}required:\n(.|\n)*?accept: \[check\]\n/, "      required: []\n");
    expect(issuesOf(noRequired)).toEqual([
      expect.stringMatching(
        /^39:17 steps\.explain\.rubric\.required: a rubric needs at least one required element/,
      ),
    ]);
  });

  it("reports schema and YAML errors with positions", () => {
    expect(issuesOf(VALID.replace("    timeLimit: 7\n", ""))[0]).toMatch(/^15:5 steps\.arrive\.timeLimit/);
    expect(issuesOf("slug: [unclosed\n")[0]).toMatch(/^\d+:\d+ YAML:/);
  });
});

describe("shipped scenarios", () => {
  it.each([
    ["greeting", { "first-impression": 5, courtesy: 9, "professional-image": 5, personalisation: 8 }],
    [
      "listening",
      { "attentive-listening": 11, paraphrasing: 8, "clarifying-questions": 6, "risk-awareness": 8 },
    ],
    ["complaint", { composure: 6, empathy: 6, ownership: 7, "clear-commitment": 7, "follow-up": 8 }],
  ])("%s is valid in both locales with the same maxima", (slug, expected) => {
    for (const locale of ["zh-CN", "en"]) {
      const r = validateScenario(readFileSync(`content/scenarios/${slug}.${locale}.yaml`, "utf8"), {
        slug,
        locale,
      });
      if (!("scenario" in r)) throw new Error(JSON.stringify(r.issues));
      expect(maxScores(r.scenario)).toEqual(expected);
    }
  });
});

describe("rubric phrases and synonym groups", () => {
  it("accepts synonym groups a phrase uses", () => {
    const src = VALID.replace(
      "accept: [sorry]",
      "accept: [sorry]\n          synonyms:\n            - [sorry, apologise]",
    );
    expect("scenario" in validateScenario(src)).toBe(true);
  });

  it("reports a phrase with no word to match, a group nothing uses and a word twice in a group", () => {
    const src = VALID.replace(
      "accept: [sorry]",
      'accept: [sorry, "了！"]\n          synonyms:\n            - [hello, hi]\n            - [sorry, Sorry]',
    );
    expect(issuesOf(src)).toEqual([
      '44:27 "了！" has no word to match (only particles or punctuation)',
      "46:15 no phrase in accept contains a word of this group, so the group changes nothing",
      '47:23 "Sorry" appears twice in this group',
    ]);
  });

  it("bounds a synonym group", () => {
    const group = Array.from({ length: 17 }, (_, i) => `w${i}`).join(", ");
    const src = VALID.replace(
      "accept: [sorry]",
      `accept: [sorry]\n          synonyms:\n            - [sorry, ${group}]`,
    );
    expect(issuesOf(src)[0]).toMatch(/^46:15 steps\.explain\.rubric\.required\.0\.synonyms\.0: Too big/);
  });
});
