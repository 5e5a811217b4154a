/**
 * The only components chapter MDX may use, with the attributes each accepts. Anything else is a
 * content error. `parent` restricts where a component may appear.
 */
export type ComponentSpec = {
  attributes: Record<string, { required?: boolean; values?: readonly string[]; flag?: boolean }>;
  parent?: string;
  selfClosing?: boolean;
};

export const COMPONENTS: Record<string, ComponentSpec> = {
  Objectives: { attributes: {} },
  Callout: { attributes: { type: { required: true, values: ["tip", "note", "warning"] }, title: {} } },
  KeyStat: {
    attributes: { value: { required: true }, label: { required: true }, source: {} },
    selfClosing: true,
  },
  CaseStudy: { attributes: { title: { required: true } } },
  PhraseComparison: { attributes: {} },
  Phrase: {
    attributes: { avoid: { required: true }, recommend: { required: true }, why: {} },
    parent: "PhraseComparison",
    selfClosing: true,
  },
  Checklist: { attributes: {} },
  Steps: { attributes: {} },
  ScenarioLink: { attributes: { slug: { required: true } }, selfClosing: true },
  /** `draw`: how many questions of the pool one attempt asks (default 8). */
  KnowledgeCheck: { attributes: { draw: {} } },
  Question: {
    attributes: {
      id: { required: true },
      type: { required: true, values: ["single", "multiple", "truefalse", "scenario"] },
      /** The 1-based number of the `##` section the question tests; the result links back to it. */
      section: {},
      prompt: { required: true },
      /** In a translation: copied from the zh-CN source and not translated yet (blocks publishing). */
      untranslated: { flag: true },
    },
    parent: "KnowledgeCheck",
  },
  Option: {
    attributes: { id: { required: true }, correct: { flag: true }, feedback: { required: true } },
    parent: "Question",
  },
};

export const KNOWN_SCENARIOS = ["greeting", "listening", "complaint"] as const;
