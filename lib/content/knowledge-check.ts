import type { Root } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { toString as textOf } from "mdast-util-to-string";
import { contentIdProblem } from "./ids";
import { coded } from "./issue-codes";
import { checkPool, DEFAULT_DRAW, parseDraw, parseSection, sectionsOf } from "./pool";
import type { ContentIssue, Question, QuestionType } from "./types";
import { at, attribute, componentChildren, isJsx } from "./validate";

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

const str = (node: JsxElement, name: string) => {
  const v = attribute(node, name);
  return typeof v === "string" ? v.trim() : "";
};

/**
 * The chapter's question pool with its keys and the draw per attempt, read from the
 * <KnowledgeCheck> in the syntax tree, plus every rule a check must satisfy. Runs on the server only.
 *
 * Every check is a pool: it holds at least 2.5 × draw questions (draw defaults to 8), each
 * question names the ## section it tests, and every section is tested.
 */
export function extractKnowledgeCheck(root: Root): {
  questions: Question[];
  draw: number;
  issues: ContentIssue[];
  /** The line of <KnowledgeCheck>, when there is one. */
  line?: number;
} {
  const issues: ContentIssue[] = [];
  const checks = root.children.filter((n): n is MdxJsxFlowElement => isJsx(n) && n.name === "KnowledgeCheck");
  const [check, ...extras] = checks;
  if (!check)
    return {
      questions: [],
      draw: DEFAULT_DRAW,
      issues: [{ line: 1, column: 1, ...coded("noCheck") }],
    };
  for (const extra of extras) issues.push(at(extra, "extraCheck"));
  const sections = sectionsOf(root);
  const drawText = attribute(check, "draw");
  const draw = typeof drawText === "string" ? parseDraw(drawText.trim()) : DEFAULT_DRAW;
  if (draw === null) issues.push(at(check, "badDraw", { draw: String(drawText) }));

  const questions: Question[] = [];
  const questionIds = new Set<string>();
  for (const child of componentChildren(check)) {
    if (!isJsx(child) || child.name !== "Question") {
      if (!isJsx(child)) issues.push(at(child, "checkChild"));
      continue;
    }
    const id = str(child, "id");
    const type = str(child, "type") as QuestionType;
    const idProblem = id ? contentIdProblem(id) : null;
    if (idProblem) issues.push(at(child, idProblem, { what: "question", id }));
    if (id && questionIds.has(id)) issues.push(at(child, "duplicateQuestion", { question: id }));
    questionIds.add(id);
    const sectionText = str(child, "section");
    const section = sectionText ? parseSection(sectionText) : null;
    const range = { question: id, sections: sections.length };
    if (sectionText && (section === null || section > sections.length))
      issues.push(at(child, "badSection", { ...range, section: sectionText }));
    else if (!sectionText) issues.push(at(child, "needsSection", range));

    const options: Question["options"] = [];
    const optionIds = new Set<string>();
    for (const o of componentChildren(child)) {
      if (!isJsx(o) || o.name !== "Option") {
        if (!isJsx(o)) issues.push(at(o, "questionChild", { question: id }));
        continue;
      }
      const optionId = str(o, "id");
      const optionProblem = optionId ? contentIdProblem(optionId) : null;
      if (optionProblem) issues.push(at(o, optionProblem, { what: "option", question: id, id: optionId }));
      if (optionId && optionIds.has(optionId))
        issues.push(at(o, "duplicateOption", { question: id, option: optionId }));
      optionIds.add(optionId);
      const text = textOf(o).trim();
      if (!text) issues.push(at(o, "emptyOption", { question: id, option: optionId }));
      options.push({
        id: optionId,
        text,
        correct: attribute(o, "correct") === true,
        feedback: str(o, "feedback"),
      });
    }

    const correct = options.filter((o) => o.correct).length;
    if (options.length < 2) issues.push(at(child, "fewOptions", { question: id }));
    if (correct === 0) issues.push(at(child, "noCorrect", { question: id }));
    if (type !== "multiple" && correct > 1) {
      issues.push(at(child, "tooManyCorrect", { question: id, type, count: correct }));
    }
    if (type === "truefalse" && [...optionIds].sort().join() !== "false,true") {
      issues.push(at(child, "trueFalseIds", { question: id }));
    }
    const line = child.position?.start.line ?? 1;
    const question: Question = { id, type, section, prompt: str(child, "prompt"), options, line };
    if (attribute(child, "untranslated") === true) question.untranslated = true;
    questions.push(question);
  }
  if (questions.length === 0) issues.push(at(check, "noQuestions"));
  else if (draw !== null) issues.push(...checkPool(check, draw, questions, sections));
  return { questions, draw: draw ?? DEFAULT_DRAW, issues, line: check.position?.start.line };
}
