// The substring grader the project used before issue 14, kept only as the evaluation's baseline:
// an element counts when one of its phrases appears in the answer with punctuation, spaces and
// width removed. Nothing in the app calls it.
import type { Step } from "@/lib/scenario/schema";

type TextStep = Extract<Step, { kind: "text" }>;
type Rubric = TextStep["rubric"];

/** Traditional characters that appear in counter-service phrasing, mapped to simplified. */
const TRADITIONAL: Record<string, string> = Object.fromEntries(
  [
    ["對", "对"],
    ["諒", "谅"],
    ["幫", "帮"],
    ["處", "处"],
    ["們", "们"],
    ["這", "这"],
    ["時", "时"],
    ["問", "问"],
    ["題", "题"],
    ["責", "责"],
    ["係", "系"],
    ["統", "统"],
    ["謝", "谢"],
    ["聯", "联"],
    ["繫", "系"],
    ["確", "确"],
    ["認", "认"],
    ["複", "复"],
    ["記", "记"],
    ["錄", "录"],
    ["請", "请"],
    ["給", "给"],
    ["帶", "带"],
    ["來", "来"],
    ["馬", "马"],
    ["號", "号"],
    ["電", "电"],
    ["話", "话"],
    ["內", "内"],
    ["調", "调"],
    ["辦", "办"],
    ["為", "为"],
    ["會", "会"],
    ["證", "证"],
    ["錢", "钱"],
    ["還", "还"],
    ["帳", "账"],
    ["賬", "账"],
    ["戶", "户"],
    ["歡", "欢"],
    ["迎", "迎"],
    ["臨", "临"],
    ["麼", "么"],
    ["嗎", "吗"],
    ["點", "点"],
    ["擔", "担"],
    ["心", "心"],
    ["著", "着"],
    ["急", "急"],
    ["換", "换"],
    ["氣", "气"],
    ["覺", "觉"],
    ["聽", "听"],
    ["說", "说"],
    ["業", "业"],
    ["務", "务"],
    ["額", "额"],
    ["資", "资"],
    ["將", "将"],
    ["轉", "转"],
    ["餘", "余"],
    ["個", "个"],
    ["應", "应"],
    ["該", "该"],
    ["無", "无"],
    ["與", "与"],
    ["後", "后"],
    ["經", "经"],
    ["歸", "归"],
    ["決", "决"],
  ].map(([t, s]) => [t as string, s as string]),
);

/**
 * Text as the rubric compares it: full-width forms folded (NFKC), lower case, traditional
 * characters simplified, and every space and punctuation mark removed.
 */
function normalise(text: string): string {
  return [...text.normalize("NFKC").toLowerCase()]
    .map((ch) => TRADITIONAL[ch] ?? ch)
    .join("")
    .replace(/[\s\p{P}\p{S}]/gu, "");
}

type BaselineGrade = {
  /** Points per competency after deductions. */
  points: Record<string, number>;
  total: number;
  matched: { id: string; label: string; competency: string; points: number; phrase: string }[];
  missed: { id: string; label: string; competency: string; points: number }[];
  forbidden: { id: string; label: string; competency: string; points: number; phrase: string }[];
};

/** Grades a free-text answer: each required element found earns its points, each forbidden phrase deducts. */
export function gradeBySubstring(rubric: Rubric, answer: string): BaselineGrade {
  const text = normalise(answer);
  const grade: BaselineGrade = { points: {}, total: 0, matched: [], missed: [], forbidden: [] };
  const add = (competency: string, points: number) => {
    grade.points[competency] = (grade.points[competency] ?? 0) + points;
    grade.total += points;
  };
  for (const element of rubric.required) {
    const phrase = element.accept.find((p) => normalise(p) && text.includes(normalise(p)));
    const { id, label, competency, points } = element;
    if (phrase === undefined) grade.missed.push({ id, label, competency, points });
    else {
      grade.matched.push({ id, label, competency, points, phrase });
      add(competency, points);
    }
  }
  for (const rule of rubric.forbidden) {
    const phrase = rule.phrases.find((p) => normalise(p) && text.includes(normalise(p)));
    if (phrase !== undefined) {
      grade.forbidden.push({
        id: rule.id,
        label: rule.label,
        competency: rule.competency,
        points: rule.points,
        phrase,
      });
      add(rule.competency, -rule.points);
    }
  }
  return grade;
}
