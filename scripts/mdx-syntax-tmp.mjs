// Temporary syntax check for chapter authors: parses each MDX file and reports errors with line:column.
import fs from "node:fs";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";

const allowed = new Set([
  "Objectives",
  "Callout",
  "KeyStat",
  "CaseStudy",
  "PhraseComparison",
  "Phrase",
  "Checklist",
  "Steps",
  "ScenarioLink",
  "KnowledgeCheck",
  "Question",
  "Option",
]);
let bad = 0;
for (const f of process.argv.slice(2)) {
  try {
    const tree = unified()
      .use(remarkParse)
      .use(remarkFrontmatter)
      .use(remarkMdx)
      .use(remarkGfm)
      .parse(fs.readFileSync(f, "utf8"));
    const problems = [];
    const walk = (n) => {
      if (n.type === "mdxFlowExpression" || n.type === "mdxTextExpression" || n.type === "mdxjsEsm")
        problems.push(`${n.position.start.line}: expression/import not allowed`);
      if ((n.type === "mdxJsxFlowElement" || n.type === "mdxJsxTextElement") && !allowed.has(n.name))
        problems.push(`${n.position.start.line}: unknown component <${n.name}>`);
      if (n.type === "html") problems.push(`${n.position.start.line}: raw HTML not allowed`);
      for (const c of n.children ?? []) walk(c);
    };
    walk(tree);
    const text = fs
      .readFileSync(f, "utf8")
      .replace(/^---[\s\S]*?---/, "")
      .replace(/<[^>]+>/g, "")
      .replace(/[#*|>\-\s`]/g, "");
    console.log(problems.length ? "PROBLEMS" : "ok", f, `chars≈${[...text].length}`, problems.join("; "));
    if (problems.length) bad++;
  } catch (e) {
    bad++;
    console.log("SYNTAX ERROR", f, `${e.line}:${e.column}`, e.message);
  }
}
process.exit(bad ? 1 : 0);
