import en from "@/messages/en.json" with { type: "json" };

export const labels = en.mdx;

export const FRONT = `---
id: sample
slug: sample
locale: en
title: Sample chapter
order: 1
passScore: 80
estimatedMinutes: 10
summary: A sample.
---
`;

/** The check for a body with `sections` ## headings: one question per section, the rest on the last. */
export function checkFor(sections: number) {
  const s = (n: number) => Math.min(n, Math.max(1, sections));
  return `<KnowledgeCheck draw="1">
  <Question id="q1" type="single" section="${s(1)}" prompt="How long is the first impression?">
    <Option id="a" feedback="Too long.">3 minutes</Option>
    <Option id="b" correct feedback="Right: 7 seconds.">7 seconds</Option>
  </Question>
  <Question id="q2" type="multiple" section="${s(2)}" prompt="Active listening?">
    <Option id="a" correct feedback="Yes.">Paraphrase</Option>
    <Option id="b" feedback="No.">Interrupt</Option>
    <Option id="c" correct feedback="Yes.">Open questions</Option>
  </Question>
  <Question id="q3" type="truefalse" section="${s(3)}" prompt="55% of communication is non-verbal.">
    <Option id="true" correct feedback="Right.">True</Option>
    <Option id="false" feedback="It is 55%.">False</Option>
  </Question>
</KnowledgeCheck>
`;
}

/** A one-section chapter's check: a pool of 3 drawing 1 (2.5 × 1 rounds up to 3). */
export const CHECK = checkFor(1);

const headings = (body: string) => (body.match(/^## /gm) ?? []).length;

/**
 * A chapter around `body`. With the default check, a body without ## headings gets one after it
 * (so its own lines keep their numbers) and the check tests each section of the body.
 */
export const sample = (body: string, check?: string) => {
  if (check !== undefined) return `${FRONT}\n${body}\n\n${check}`;
  const n = headings(body);
  return n === 0
    ? `${FRONT}\n${body}\n\n## Section\n\nText.\n\n${CHECK}`
    : `${FRONT}\n${body}\n\n${checkFor(n)}`;
};
