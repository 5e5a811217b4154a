import type { Element, ElementContent, Root as HastRoot } from "hast";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import type { Root } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { type State, toHast } from "mdast-util-to-hast";
import { toString as textOf } from "mdast-util-to-string";
import { sanitizeHast } from "./safe-hast";
import type { ChapterSegment, TocEntry } from "./types";
import { attribute, isJsx } from "./validate";

/** Words the components print around the author's text, in the chapter's language. */
export type ComponentLabels = {
  objectives: string;
  tip: string;
  note: string;
  warning: string;
  caseStudy: string;
  avoid: string;
  recommend: string;
  why: string;
  checklist: string;
  steps: string;
  scenario: string;
  scenarioCta: string;
  scenarioSoon: string;
  keyStatSource: string;
};

/** Scenarios a chapter may link to, by slug: their title in the chapter's language, and whether the player can run them. */
export type ScenarioCards = ReadonlyMap<string, { title: string; playable: boolean }>;
type Context = { labels: ComponentLabels; scenarios: ScenarioCards };
type Build = (props: (name: string) => string, children: ElementContent[], ctx: Context) => Element;

/**
 * The whitelist of components, built as plain HTML elements. Nothing here evaluates author input:
 * attribute values become text, and a name missing from this map is never rendered.
 */
const BUILDERS: Record<string, Build> = {
  Objectives: (_, children, { labels }) =>
    h("section.mdx-box.mdx-objectives", { ariaLabel: labels.objectives }, [
      h("p.mdx-box-title", labels.objectives),
      ...children,
    ]),
  Callout: (p, children, { labels }) => {
    const type = (["tip", "note", "warning"] as const).find((v) => v === p("type")) ?? "note";
    const label = labels[type];
    return h(`aside.mdx-box.mdx-callout-${type}`, { role: "note" }, [
      h("p.mdx-box-title", [h("span.mdx-badge", label), p("title") ? ` ${p("title")}` : ""]),
      ...children,
    ]);
  },
  KeyStat: (p, _, { labels }) =>
    h("figure.mdx-keystat", [
      h("p.mdx-keystat-value", p("value")),
      h("figcaption", [
        h("span.mdx-keystat-label", p("label")),
        p("source") ? h("span.mdx-keystat-source", `${labels.keyStatSource}${p("source")}`) : "",
      ]),
    ]),
  CaseStudy: (p, children, { labels }) =>
    h("section.mdx-box.mdx-case", { ariaLabel: `${labels.caseStudy}: ${p("title")}` }, [
      h("p.mdx-box-title", [h("span.mdx-badge", labels.caseStudy), ` ${p("title")}`]),
      ...children,
    ]),
  PhraseComparison: (_, children) => h("div.mdx-phrases", children),
  Phrase: (p, _, { labels }) =>
    h("div.mdx-phrase", [
      h("p.mdx-avoid", [h("span.mdx-phrase-label", `✗ ${labels.avoid}`), p("avoid")]),
      h("p.mdx-recommend", [h("span.mdx-phrase-label", `✓ ${labels.recommend}`), p("recommend")]),
      p("why") ? h("p.mdx-why", [h("span.mdx-why-label", labels.why), p("why")]) : "",
    ]),
  Checklist: (_, children, { labels }) =>
    h("div.mdx-checklist", { role: "group", ariaLabel: labels.checklist }, children),
  Steps: (_, children, { labels }) =>
    h("div.mdx-steps", { role: "group", ariaLabel: labels.steps }, children),
  ScenarioLink: (p, _, { labels, scenarios }) => {
    const scenario = scenarios.get(p("slug"));
    const title = h("span.mdx-scenario-title", ` ${scenario?.title ?? p("slug")}`);
    if (!scenario?.playable) {
      return h("div.mdx-scenario.mdx-scenario-soon", [
        h("span.mdx-badge", labels.scenario),
        title,
        h("span.mdx-scenario-cta", labels.scenarioSoon),
      ]);
    }
    return h(
      "a.mdx-scenario",
      { href: `/practice/${encodeURIComponent(p("slug"))}`, dataScenario: p("slug") },
      [h("span.mdx-badge", labels.scenario), title, h("span.mdx-scenario-cta", `${labels.scenarioCta} →`)],
    );
  },
};

/**
 * Renders a validated chapter tree (without its knowledge check) to HTML. Level-2 headings get
 * stable ids s-1, s-2… which form the table of contents and the reading-progress sections.
 */
export function renderChapterHtml(
  tree: Root,
  labels: ComponentLabels,
  scenarios: ScenarioCards = new Map(),
): { hast: HastRoot; html: string; segments: ChapterSegment[]; toc: TocEntry[] } {
  const ctx: Context = { labels, scenarios };
  const toc: TocEntry[] = [];
  const body: Root = {
    type: "root",
    children: tree.children.filter((n) => n.type !== "yaml" && !(isJsx(n) && n.name === "KnowledgeCheck")),
  };
  const jsx = (state: State, node: MdxJsxFlowElement | MdxJsxTextElement) => {
    const make = node.name && Object.hasOwn(BUILDERS, node.name) ? BUILDERS[node.name] : undefined;
    if (!make) return undefined;
    const props = (name: string) => {
      const v = attribute(node, name);
      return typeof v === "string" ? v : "";
    };
    return make(props, state.all(node), ctx);
  };
  const hast = toHast(body, {
    handlers: {
      mdxJsxFlowElement: jsx,
      mdxJsxTextElement: jsx,
      heading(state, node) {
        const tag = `h${node.depth}`;
        const props: Record<string, string> = {};
        if (node.depth === 2) {
          props.id = `s-${toc.length + 1}`;
          toc.push({ id: props.id, title: textOf(node) });
        }
        return h(tag, props, state.all(node));
      },
      link(state, node) {
        const external = /^https?:/i.test(node.url);
        return h(
          "a",
          { href: node.url, ...(external ? { rel: "noopener noreferrer nofollow", target: "_blank" } : {}) },
          state.all(node),
        );
      },
    },
  }) as HastRoot;
  const safe = sanitizeHast(hast);
  return { hast: safe, html: toHtml(safe), segments: segmentsOf(safe), toc };
}

/**
 * The chapter split at its top-level scenario cards, so the reader can put a live role-play where
 * the author placed the card. Each scenario segment keeps the card's HTML as its fallback.
 */
function segmentsOf(root: HastRoot): ChapterSegment[] {
  const segments: ChapterSegment[] = [];
  let run: HastRoot["children"] = [];
  const flush = () => {
    if (run.length > 0) segments.push({ type: "html", html: toHtml({ type: "root", children: run }) });
    run = [];
  };
  for (const child of root.children) {
    const slug = child.type === "element" ? child.properties.dataScenario : undefined;
    if (typeof slug !== "string") {
      run.push(child);
      continue;
    }
    flush();
    segments.push({ type: "scenario", slug, html: toHtml(child) });
  }
  flush();
  return segments;
}
