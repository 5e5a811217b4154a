/**
 * Every problem the content validators report, by code, with its English text for
 * `content:check`. The editor words the same code and params in the trainer's language from
 * `authoring.editor.issueCode.<code>` in messages/*.json (tests/unit/content-issue-codes.test.ts
 * keeps the three in step). A validator names a code and its params; it never writes words.
 */
type Params = Record<string, string | number>;

const p = (params: Params, key: string) => String(params[key] ?? "");
const idOf = (x: Params) =>
  x.what === "option" ? `question "${p(x, "question")}": option id` : "question id";

export const ISSUE_TEXT = {
  // Parsers whose own wording is passed through as `detail` (micromark, yaml, zod).
  mdxSyntax: (x) => `MDX syntax: ${p(x, "detail")}`,
  frontMatter: (x) => `front matter: ${p(x, "detail")}`,
  yaml: (x) => `YAML: ${p(x, "detail")}`,
  scenarioField: (x) => `${p(x, "path")}: ${p(x, "detail")}`,
  // The file.
  zhRequired: () => "the zh-CN text is required",
  frontMatterMissing: () => "front matter (--- … ---) is missing at the top of the file",
  frontMatterAliases: () => "front matter: aliases (*name) expand too much; write the values out instead",
  slugMismatch: (x) =>
    `front matter: slug "${p(x, "found")}" does not match the file name "${p(x, "expected")}"`,
  localeMismatch: (x) =>
    `front matter: locale "${p(x, "found")}" does not match the file name "${p(x, "expected")}"`,
  // MDX safety and structure.
  fragment: () => "fragments (<>…</>) are not allowed",
  htmlTag: (x) => `HTML tag <${p(x, "name")}> is not allowed; use Markdown or a listed component`,
  unknownComponent: (x) => `unknown component <${p(x, "name")}>; allowed: ${p(x, "allowed")}`,
  misplaced: (x) => `<${p(x, "name")}> must be placed directly inside <${p(x, "parent")}>`,
  spreadAttribute: (x) => `<${p(x, "name")}>: spread attributes {…} are not allowed`,
  unknownAttribute: (x) => `<${p(x, "name")}> has no attribute "${p(x, "attribute")}"`,
  expressionValue: (x) => `<${p(x, "name")}> ${p(x, "attribute")}: write a quoted text value, not {…}`,
  flagWithValue: (x) => `<${p(x, "name")}> ${p(x, "attribute")} is a flag: write it without a value`,
  attributeNeedsValue: (x) => `<${p(x, "name")}> ${p(x, "attribute")} needs a value`,
  attributeNotAllowed: (x) =>
    `<${p(x, "name")}> ${p(x, "attribute")}="${p(x, "value")}" must be one of: ${p(x, "allowed")}`,
  attributeRequired: (x) => `<${p(x, "name")}> needs a non-empty ${p(x, "attribute")}="…"`,
  selfClosing: (x) => `<${p(x, "name")}> takes no content: write it as <${p(x, "name")} … />`,
  unknownScenario: (x) => `<ScenarioLink> slug="${p(x, "slug")}" is not a scenario; known: ${p(x, "known")}`,
  esm: () => "import/export is not allowed in chapter content",
  expression: () => "JavaScript expressions {…} are not allowed; to show a brace, describe it in words",
  image: () => "images are not supported in chapters yet",
  h1: () => "use ## for a section heading; the title comes from the front matter",
  rawHtml: () => "raw HTML is not allowed",
  linkOffsite: (x) => `link "${p(x, "url")}" leads to another site: write it with https://`,
  linkScheme: (x) => `link "${p(x, "url")}" must start with https://, / or #`,
  linkBreak: (x) => `link "${p(x, "url")}" must not contain a tab or line break`,
  // The knowledge check.
  noCheck: () => "the chapter has no <KnowledgeCheck>",
  extraCheck: () => "only one <KnowledgeCheck> per chapter",
  badDraw: (x) => `<KnowledgeCheck> draw="${p(x, "draw")}" must be a whole number from 1 to 100`,
  checkChild: () => "<KnowledgeCheck> may contain only <Question> elements",
  idReserved: (x) => `${idOf(x)} "${p(x, "id")}" is a reserved name; choose another id`,
  idPattern: (x) =>
    `${idOf(x)} "${p(x, "id")}" must be lowercase letters, digits and hyphens, start with a letter and be at most 40 characters`,
  duplicateQuestion: (x) => `duplicate question id "${p(x, "question")}"`,
  badSection: (x) =>
    `question "${p(x, "question")}" section="${p(x, "section")}" is not a section: write the number of the ## section it tests (1–${p(x, "sections")})`,
  needsSection: (x) =>
    `question "${p(x, "question")}" needs section="…": the number of the ## section it tests (1–${p(x, "sections")})`,
  questionChild: (x) => `question "${p(x, "question")}" may contain only <Option> elements`,
  duplicateOption: (x) => `question "${p(x, "question")}": duplicate option id "${p(x, "option")}"`,
  emptyOption: (x) => `question "${p(x, "question")}" option "${p(x, "option")}": the option has no text`,
  fewOptions: (x) => `question "${p(x, "question")}" needs at least 2 options`,
  noCorrect: (x) => `question "${p(x, "question")}" has no correct option (mark one with correct)`,
  tooManyCorrect: (x) =>
    `question "${p(x, "question")}" is ${p(x, "type")} but has ${p(x, "count")} correct options`,
  trueFalseIds: (x) =>
    `question "${p(x, "question")}" is truefalse: its options must have ids "true" and "false"`,
  noQuestions: () => "<KnowledgeCheck> has no questions",
  smallPool: (x) =>
    `the pool has ${p(x, "count")} questions; draw="${p(x, "draw")}" needs at least ${p(x, "needed")} (2.5 × ${p(x, "draw")})`,
  untestedSection: (x) =>
    `section ${p(x, "section")} "${p(x, "title")}" is not tested by any question: give one section="${p(x, "section")}"`,
  // A translation against the zh-CN source.
  metaDiffers: (x) =>
    `front matter ${p(x, "key")} differs from the zh-CN source (${p(x, "found")} vs ${p(x, "expected")})`,
  drawDiffers: (x) =>
    `<KnowledgeCheck> draw ${p(x, "found")} differs from the zh-CN source's ${p(x, "expected")}`,
  questionMissing: (x) =>
    `question "${p(x, "question")}" of the zh-CN source (line ${p(x, "sourceLine")}) is missing: translate it, or use "copy into English"`,
  typeDiffers: (x) =>
    `question "${p(x, "question")}" is ${p(x, "found")}; in the zh-CN source it is ${p(x, "expected")}`,
  sectionDiffers: (x) =>
    `question "${p(x, "question")}" tests section ${p(x, "found")}; in the zh-CN source section ${p(x, "expected")}`,
  optionsDiffer: (x) =>
    `question "${p(x, "question")}" options (${p(x, "found")}) differ from the zh-CN source (${p(x, "expected")}; * marks the key)`,
  questionExtra: (x) => `question "${p(x, "question")}" is not in the zh-CN source`,
  untranslated: (x) =>
    `question "${p(x, "question")}" is marked untranslated: translate it and remove "untranslated" before publishing, or publish without the English text`,
  untranslatedInSource: (x) =>
    `question "${p(x, "question")}": "untranslated" belongs in a translation, not in the zh-CN source`,
  scenarioShape: () =>
    "structure (steps, choices, points, targets, rubric ids) differs from the zh-CN source",
  // Scenarios.
  scenarioFileName: (x) =>
    `slug/locale "${p(x, "found")}" does not match the file name "${p(x, "expected")}"`,
  competenciesUnique: () => "competency ids must be unique",
  competencyUndeclared: (x) => `competency "${p(x, "competency")}" is not declared in competencies`,
  startMissing: (x) => `start step "${p(x, "step")}" does not exist`,
  targetMissing: (x) => `step "${p(x, "step")}" leads to "${p(x, "target")}", which does not exist`,
  unreachable: (x) => `step "${p(x, "step")}" cannot be reached from "${p(x, "start")}"`,
  loop: (x) => `loop: ${p(x, "loop")}; a path must move forward and end`,
} satisfies Record<string, (params: Params) => string>;

export type IssueCode = keyof typeof ISSUE_TEXT;
export const ISSUE_CODES = Object.keys(ISSUE_TEXT) as IssueCode[];

/** A coded problem: the code, its params and the English message content:check prints. */
export function coded(code: IssueCode, params: Params = {}) {
  return { code, params, message: ISSUE_TEXT[code](params) };
}
