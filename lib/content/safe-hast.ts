import type { Element, ElementContent, Root } from "hast";

const TAGS = new Set(
  "p h2 h3 h4 h5 h6 ul ol li strong em del code pre blockquote hr br table thead tbody tr th td a section aside figure figcaption span div sup input".split(
    " ",
  ),
);
const ATTRIBUTES = new Set([
  "id",
  "className",
  "href",
  "rel",
  "target",
  "role",
  "ariaLabel",
  "ariaDescribedBy",
  "align",
  "type",
  "checked",
  "disabled",
  "dataFootnotes",
  "dataFootnoteRef",
  "dataFootnoteBackref",
  "dataScenario",
]);
// "/\host" and "/<tab>/host" reach another site in a browser, like "//host".
const SAFE_HREF = /^(https?:\/\/|mailto:|\/(?![/\\])|#)/i;
const URL_BREAK = /[\t\n\r]/;

function clean(node: Root["children"][number]): ElementContent[] {
  if (node.type !== "element") return node.type === "text" ? [node] : [];
  const children = node.children.flatMap(clean);
  if (!TAGS.has(node.tagName) || (node.tagName === "input" && node.properties.type !== "checkbox"))
    return children;
  const properties: Element["properties"] = {};
  for (const [key, value] of Object.entries(node.properties)) {
    if (!ATTRIBUTES.has(key)) continue;
    if (key === "href" && (!SAFE_HREF.test(String(value)) || URL_BREAK.test(String(value)))) continue;
    properties[key] = value;
  }
  if (node.tagName === "input") properties.disabled = true;
  return [{ ...node, properties, children }];
}

/**
 * Last line of defence after validation: keeps only known tags, attributes and safe links, so even
 * a validator bug cannot put a script, an event handler or a javascript: URL on a learner's page.
 */
export function sanitizeHast(root: Root): Root {
  return { ...root, children: root.children.flatMap(clean) };
}
