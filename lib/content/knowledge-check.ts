import type { Root } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { toString as textOf } from "mdast-util-to-string";
import { contentIdProblem } from "./ids";
import type { ContentIssue, PublicQuestion, Question, QuestionType } from "./types";
import { at, attribute, componentChildren, isJsx } from "./validate";

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

const str = (node: JsxElement, name: string) => {
  const v = attribute(node, name);
  return typeof v === "string" ? v.trim() : "";
};

/**
 * The chapter's questions with their keys, read from the <KnowledgeCheck> in the syntax tree,
 * plus every rule a check must satisfy. Runs on the server only.
 */
export function extractKnowledgeCheck(root: Root): { questions: Question[]; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const checks = root.children.filter((n): n is MdxJsxFlowElement => isJsx(n) && n.name === "KnowledgeCheck");
  const [check, ...extras] = checks;
  if (!check)
    return {
      questions: [],
      issues: [{ line: 1, column: 1, message: "the chapter has no <KnowledgeCheck>" }],
    };
  for (const extra of extras) issues.push(at(extra, "only one <KnowledgeCheck> per chapter"));

  const questions: Question[] = [];
  const questionIds = new Set<string>();
  for (const child of componentChildren(check)) {
    if (!isJsx(child) || child.name !== "Question") {
      if (!isJsx(child)) issues.push(at(child, "<KnowledgeCheck> may contain only <Question> elements"));
      continue;
    }
    const id = str(child, "id");
    const type = str(child, "type") as QuestionType;
    const idProblem = id ? contentIdProblem(id) : null;
    if (idProblem) issues.push(at(child, `question id ${idProblem}`));
    if (id && questionIds.has(id)) issues.push(at(child, `duplicate question id "${id}"`));
    questionIds.add(id);

    const options: Question["options"] = [];
    const optionIds = new Set<string>();
    for (const o of componentChildren(child)) {
      if (!isJsx(o) || o.name !== "Option") {
        if (!isJsx(o)) issues.push(at(o, `question "${id}" may contain only <Option> elements`));
        continue;
      }
      const optionId = str(o, "id");
      const optionProblem = optionId ? contentIdProblem(optionId) : null;
      if (optionProblem) issues.push(at(o, `question "${id}": option id ${optionProblem}`));
      if (optionId && optionIds.has(optionId))
        issues.push(at(o, `question "${id}": duplicate option id "${optionId}"`));
      optionIds.add(optionId);
      const text = textOf(o).trim();
      if (!text) issues.push(at(o, `question "${id}" option "${optionId}": the option has no text`));
      options.push({
        id: optionId,
        text,
        correct: attribute(o, "correct") === true,
        feedback: str(o, "feedback"),
      });
    }

    const correct = options.filter((o) => o.correct).length;
    if (options.length < 2) issues.push(at(child, `question "${id}" needs at least 2 options`));
    if (correct === 0)
      issues.push(at(child, `question "${id}" has no correct option (mark one with correct)`));
    if (type !== "multiple" && correct > 1) {
      issues.push(at(child, `question "${id}" is ${type} but has ${correct} correct options`));
    }
    if (type === "truefalse" && [...optionIds].sort().join() !== "false,true") {
      issues.push(at(child, `question "${id}" is truefalse: its options must have ids "true" and "false"`));
    }
    questions.push({ id, type, prompt: str(child, "prompt"), options });
  }
  if (questions.length === 0) issues.push(at(check, "<KnowledgeCheck> has no questions"));
  return { questions, issues };
}

/** The questions as the browser may see them: no key, no feedback. */
export function toPublicQuestions(questions: Question[]): PublicQuestion[] {
  return questions.map((q) => ({
    id: q.id,
    type: q.type,
    prompt: q.prompt,
    options: q.options.map((o) => ({ id: o.id, text: o.text })),
  }));
}
