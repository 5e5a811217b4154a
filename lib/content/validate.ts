import type { Nodes, Parent, Root } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { COMPONENTS, KNOWN_SCENARIOS } from "./components";
import type { ContentIssue } from "./types";

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

// A leading "/" must start a path of this site: browsers read "/\host" like "//host" (another site).
const SAFE_URL = /^(https?:\/\/|mailto:|\/(?![/\\])|#)/i;
// Browsers drop tabs and line breaks inside a URL, so "/<tab>/host" would also lead to another site.
const URL_BREAK = /[\t\n\r]/;

/** An issue positioned at a node of the syntax tree. */
export function at(node: Nodes, message: string): ContentIssue {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, message };
}

export function isJsx(node: Nodes): node is JsxElement {
  return node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
}

/** Children of a component, with paragraphs around inline components unwrapped and blank text dropped. */
export function componentChildren(node: JsxElement): Nodes[] {
  return node.children
    .flatMap((c) => (c.type === "paragraph" ? c.children : [c]))
    .filter((c) => !(c.type === "text" && !c.value.trim())) as Nodes[];
}

/** A string attribute's value, `true` for a bare flag, undefined when absent. */
export function attribute(node: JsxElement, name: string): string | true | undefined {
  for (const a of node.attributes) {
    if (a.type === "mdxJsxAttribute" && a.name === name) {
      return a.value === null || a.value === undefined
        ? true
        : typeof a.value === "string"
          ? a.value
          : undefined;
    }
  }
  return undefined;
}

function checkElement(node: JsxElement, parent: Parent, scenarios: readonly string[]): ContentIssue[] {
  if (!node.name) return [at(node, "fragments (<>…</>) are not allowed")];
  // Own keys only: a name such as "constructor" or "__proto__" must not find Object.prototype.
  const spec = Object.hasOwn(COMPONENTS, node.name) ? COMPONENTS[node.name] : undefined;
  if (!spec) {
    return [
      at(
        node,
        /^[a-z]/.test(node.name)
          ? `HTML tag <${node.name}> is not allowed; use Markdown or a listed component`
          : `unknown component <${node.name}>; allowed: ${Object.keys(COMPONENTS).join(", ")}`,
      ),
    ];
  }
  const issues: ContentIssue[] = [];
  const parentName = isJsx(parent as Nodes) ? (parent as JsxElement).name : null;
  if (spec.parent && parentName !== spec.parent) {
    issues.push(at(node, `<${node.name}> must be placed directly inside <${spec.parent}>`));
  }
  for (const a of node.attributes) {
    if (a.type === "mdxJsxExpressionAttribute") {
      issues.push(at(node, `<${node.name}>: spread attributes {…} are not allowed`));
      continue;
    }
    const attrSpec = Object.hasOwn(spec.attributes, a.name) ? spec.attributes[a.name] : undefined;
    if (!attrSpec) {
      issues.push(at(node, `<${node.name}> has no attribute "${a.name}"`));
    } else if (a.value !== null && a.value !== undefined && typeof a.value !== "string") {
      issues.push(at(node, `<${node.name}> ${a.name}: write a quoted text value, not {…}`));
    } else if (attrSpec.flag && a.value !== null && a.value !== undefined) {
      issues.push(at(node, `<${node.name}> ${a.name} is a flag: write it without a value`));
    } else if (!attrSpec.flag && (a.value === null || a.value === undefined)) {
      issues.push(at(node, `<${node.name}> ${a.name} needs a value`));
    } else if (attrSpec.values && typeof a.value === "string" && !attrSpec.values.includes(a.value)) {
      issues.push(
        at(node, `<${node.name}> ${a.name}="${a.value}" must be one of: ${attrSpec.values.join(", ")}`),
      );
    }
  }
  for (const [name, attrSpec] of Object.entries(spec.attributes)) {
    const value = attribute(node, name);
    if (attrSpec.required && (value === undefined || (typeof value === "string" && !value.trim()))) {
      issues.push(at(node, `<${node.name}> needs a non-empty ${name}="…"`));
    }
  }
  if (spec.selfClosing && node.children.length > 0) {
    issues.push(at(node, `<${node.name}> takes no content: write it as <${node.name} … />`));
  }
  if (node.name === "ScenarioLink") {
    const slug = attribute(node, "slug");
    if (typeof slug === "string" && !scenarios.includes(slug)) {
      issues.push(
        at(node, `<ScenarioLink> slug="${slug}" is not a scenario; known: ${scenarios.join(", ")}`),
      );
    }
  }
  return issues;
}

/**
 * Everything that makes MDX unsafe or unrenderable: JavaScript (import/export, {expressions}),
 * HTML tags, unknown components or attributes, misplaced components, images and unsafe links.
 */
export function validateTree(root: Root, scenarios: readonly string[] = KNOWN_SCENARIOS): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const walk = (node: Nodes, parent: Parent | null) => {
    switch (node.type) {
      case "mdxjsEsm":
        issues.push(at(node, "import/export is not allowed in chapter content"));
        return;
      case "mdxFlowExpression":
      case "mdxTextExpression":
        issues.push(
          at(node, "JavaScript expressions {…} are not allowed; to show a brace, describe it in words"),
        );
        return;
      case "image":
      case "imageReference":
        issues.push(at(node, "images are not supported in chapters yet"));
        return;
      case "heading":
        if (node.depth === 1)
          issues.push(at(node, "use ## for a section heading; the title comes from the front matter"));
        break;
      case "html":
        issues.push(at(node, "raw HTML is not allowed"));
        return;
      case "link":
      case "definition":
        if (/^\/[/\\]/.test(node.url.trim()))
          issues.push(at(node, `link "${node.url}" leads to another site: write it with https://`));
        else if (!SAFE_URL.test(node.url.trim()))
          issues.push(at(node, `link "${node.url}" must start with https://, / or #`));
        else if (URL_BREAK.test(node.url))
          issues.push(at(node, `link "${node.url}" must not contain a tab or line break`));
        break;
    }
    if (isJsx(node) && parent) issues.push(...checkElement(node, parent, scenarios));
    // A line of inline components (<Option …>…</Option>) is wrapped in a paragraph: look through it.
    const through = node.type === "paragraph" && parent && isJsx(parent as Nodes) ? parent : (node as Parent);
    if ("children" in node) for (const child of node.children) walk(child as Nodes, through);
  };
  walk(root, null);
  return issues;
}
