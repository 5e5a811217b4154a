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

export const CHECK = `<KnowledgeCheck>
  <Question id="q1" type="single" prompt="How long is the first impression?">
    <Option id="a" feedback="Too long.">3 minutes</Option>
    <Option id="b" correct feedback="Right: 7 seconds.">7 seconds</Option>
  </Question>
  <Question id="q2" type="multiple" prompt="Active listening?">
    <Option id="a" correct feedback="Yes.">Paraphrase</Option>
    <Option id="b" feedback="No.">Interrupt</Option>
    <Option id="c" correct feedback="Yes.">Open questions</Option>
  </Question>
  <Question id="q3" type="truefalse" prompt="55% of communication is non-verbal.">
    <Option id="true" correct feedback="Right.">True</Option>
    <Option id="false" feedback="It is 55%.">False</Option>
  </Question>
</KnowledgeCheck>
`;

export const sample = (body: string, check = CHECK) => `${FRONT}\n${body}\n\n${check}`;
