import type { ContentKind } from "./sources";

/**
 * The starting text of a new module: valid as it stands, so a trainer edits rather than assembles.
 * Its check is a small pool (5 questions, 2 drawn per attempt: 2.5 × 2 rounds up to 5).
 */
function chapterTemplate(slug: string, order: number): string {
  return `---
id: ${slug}
slug: ${slug}
locale: zh-CN
title: 新模块标题
order: ${order}
passScore: 80
estimatedMinutes: 15
summary: 用一两句话说明学员在本模块会学到什么。
---

在这里写本模块的导语。

## 第一节

正文使用 Markdown：**加粗**、列表、表格都可以。

<Callout type="tip" title="小提示">
需要强调的内容可以放在提示框里。
</Callout>

<KnowledgeCheck draw="2">
  <Question id="q1" type="single" section="1" prompt="在这里写第一道题的题干？">
    <Option id="a" correct feedback="说明为什么这是正确答案。">正确选项</Option>
    <Option id="b" feedback="说明这个选项错在哪里。">错误选项</Option>
  </Question>
  <Question id="q2" type="single" section="1" prompt="第二道题：每次作答从题库中抽取几道题？">
    <Option id="a" correct feedback="说明为什么这是正确答案。">draw 写的题数</Option>
    <Option id="b" feedback="说明这个选项错在哪里。">全部题目</Option>
  </Question>
  <Question id="q3" type="single" section="1" prompt="第三道题：题库至少要有抽题数的几倍？">
    <Option id="a" correct feedback="说明为什么这是正确答案。">2.5 倍</Option>
    <Option id="b" feedback="说明这个选项错在哪里。">1 倍</Option>
  </Question>
  <Question id="q4" type="single" section="1" prompt="第四道题：section 写的是什么？">
    <Option id="a" correct feedback="说明为什么这是正确答案。">本题考查的 ## 小节序号</Option>
    <Option id="b" feedback="说明这个选项错在哪里。">题目的难度</Option>
  </Question>
  <Question id="q5" type="single" section="1" prompt="第五道题：学员答错的题目会怎样？">
    <Option id="a" correct feedback="说明为什么这是正确答案。">进入错题本，按间隔复习</Option>
    <Option id="b" feedback="说明这个选项错在哪里。">不再出现</Option>
  </Question>
</KnowledgeCheck>
`;
}

function scenarioTemplate(slug: string): string {
  return `slug: ${slug}
locale: zh-CN
title: 新演练标题
summary: 用一两句话说明这次演练的情境和练习重点。
estimatedMinutes: 5
passScore: 70
competencies:
  - id: courtesy
    label: 礼貌用语
start: open
steps:
  open:
    kind: choice
    customer: 您好，我想办理一笔业务。
    mood: 3
    choices:
      - id: a
        text: 您好！请坐，请问您要办理什么业务？
        points: { courtesy: 2 }
        feedback: 主动问候并请客户坐下，客户感到被尊重。
        next: good-end
      - id: b
        text: 什么业务？
        points: { courtesy: 0 }
        moodChange: -1
        feedback: 语气生硬，客户会觉得被怠慢。
        next: poor-end
  good-end:
    kind: end
    outcome: good
    outcomeLabel: 客户满意
    debrief: 礼貌的开场让后续沟通更顺利。
  poor-end:
    kind: end
    outcome: poor
    outcomeLabel: 客户不满
    debrief: 先问候、再询问需求，客户更愿意配合。
`;
}

export function newItemSource(kind: ContentKind, slug: string, order: number): string {
  return kind === "chapter" ? chapterTemplate(slug, order) : scenarioTemplate(slug);
}

/** Snippets the editor's palette inserts at the cursor. */
export const CHAPTER_SNIPPETS = {
  callout: '<Callout type="tip" title="标题">\n内容\n</Callout>\n',
  keyStat: '<KeyStat value="7 秒" label="说明文字" source="来源" />\n',
  caseStudy: '<CaseStudy title="案例标题">\n案例内容\n</CaseStudy>\n',
  phrases:
    '<PhraseComparison>\n  <Phrase avoid="不建议的说法" recommend="推荐的说法" why="原因" />\n</PhraseComparison>\n',
  checklist: "<Checklist>\n- 第一项\n- 第二项\n</Checklist>\n",
  steps: "<Steps>\n1. 第一步\n2. 第二步\n</Steps>\n",
  scenarioLink: '<ScenarioLink slug="greeting" />\n',
  question:
    '  <Question id="q9" type="single" section="1" prompt="题干？">\n    <Option id="a" correct feedback="解析。">正确选项</Option>\n    <Option id="b" feedback="解析。">错误选项</Option>\n  </Question>\n',
} as const;

export const SCENARIO_SNIPPETS = {
  choiceStep:
    "  new-step:\n    kind: choice\n    customer: 客户的话\n    choices:\n      - id: a\n        text: 员工的回答\n        points: { courtesy: 1 }\n        feedback: 点评\n        next: good-end\n      - id: b\n        text: 另一种回答\n        feedback: 点评\n        next: poor-end\n",
  endStep: "  new-end:\n    kind: end\n    outcome: good\n    outcomeLabel: 结果\n    debrief: 总结点评\n",
} as const;
