import type { Nodes, Parent, Root } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { COMPONENTS, KNOWN_SCENARIOS } from "./components";
import { coded, type IssueCode } from "./issue-codes";
import type { ContentIssue } from "./types";

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

// A leading "/" must start a path of this site: browsers read "/\host" like "//host" (another site).
const SAFE_URL = /^(https?:\/\/|mailto:|\/(?![/\\])|#)/i;
// Browsers drop tabs and line breaks inside a URL, so "/<tab>/host" would also lead to another site.
const URL_BREAK = /[\t\n\r]/;

/** A coded issue positioned at a node of the syntax tree. */
export function at(node: Nodes, code: IssueCode, params?: Record<string, string | number>): ContentIssue {
  return {
    line: node.position?.start.line ?? 1,
    column: node.position?.start.column ?? 1,
    ...coded(code, params),
  };
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
  if (!node.name) return [at(node, "fragment")];
  // Own keys only: a name such as "constructor" or "__proto__" must not find Object.prototype.
  const spec = Object.hasOwn(COMPONENTS, node.name) ? COMPONENTS[node.name] : undefined;
  if (!spec) {
    return [
      /^[a-z]/.test(node.name)
        ? at(node, "htmlTag", { name: node.name })
        : at(node, "unknownComponent", { name: node.name, allowed: Object.keys(COMPONENTS).join(", ") }),
    ];
  }
  const issues: ContentIssue[] = [];
  const parentName = isJsx(parent as Nodes) ? (parent as JsxElement).name : null;
  if (spec.parent && parentName !== spec.parent) {
    issues.push(at(node, "misplaced", { name: node.name, parent: spec.parent }));
  }
  for (const a of node.attributes) {
    if (a.type === "mdxJsxExpressionAttribute") {
      issues.push(at(node, "spreadAttribute", { name: node.name }));
      continue;
    }
    const attrSpec = Object.hasOwn(spec.attributes, a.name) ? spec.attributes[a.name] : undefined;
    const named = { name: node.name, attribute: a.name };
    if (!attrSpec) {
      issues.push(at(node, "unknownAttribute", named));
    } else if (a.value !== null && a.value !== undefined && typeof a.value !== "string") {
      issues.push(at(node, "expressionValue", named));
    } else if (attrSpec.flag && a.value !== null && a.value !== undefined) {
      issues.push(at(node, "flagWithValue", named));
    } else if (!attrSpec.flag && (a.value === null || a.value === undefined)) {
      issues.push(at(node, "attributeNeedsValue", named));
    } else if (attrSpec.values && typeof a.value === "string" && !attrSpec.values.includes(a.value)) {
      issues.push(
        at(node, "attributeNotAllowed", { ...named, value: a.value, allowed: attrSpec.values.join(", ") }),
      );
    }
  }
  for (const [name, attrSpec] of Object.entries(spec.attributes)) {
    const value = attribute(node, name);
    if (attrSpec.required && (value === undefined || (typeof value === "string" && !value.trim()))) {
      issues.push(at(node, "attributeRequired", { name: node.name, attribute: name }));
    }
  }
  if (spec.selfClosing && node.children.length > 0) {
    issues.push(at(node, "selfClosing", { name: node.name }));
  }
  if (node.name === "ScenarioLink") {
    const slug = attribute(node, "slug");
    if (typeof slug === "string" && !scenarios.includes(slug)) {
      issues.push(at(node, "unknownScenario", { slug, known: scenarios.join(", ") }));
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
        issues.push(at(node, "esm"));
        return;
      case "mdxFlowExpression":
      case "mdxTextExpression":
        issues.push(at(node, "expression"));
        return;
      case "image":
      case "imageReference":
        issues.push(at(node, "image"));
        return;
      case "heading":
        if (node.depth === 1) issues.push(at(node, "h1"));
        break;
      case "html":
        issues.push(at(node, "rawHtml"));
        return;
      case "link":
      case "definition":
        if (/^\/[/\\]/.test(node.url.trim())) issues.push(at(node, "linkOffsite", { url: node.url }));
        else if (!SAFE_URL.test(node.url.trim())) issues.push(at(node, "linkScheme", { url: node.url }));
        else if (URL_BREAK.test(node.url)) issues.push(at(node, "linkBreak", { url: node.url }));
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
