import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { loadCatalog } from "@/db/queries/content-catalog";
import { compileChapterSource, compileScenarioSource } from "@/lib/content/catalog";
import { checkItem } from "@/lib/content/check-item";
import { handleRoute, readBody } from "@/lib/http/handle-route";
import { MAX_BODY, previewSchema } from "../schema";

/**
 * Validates a draft as the trainer types and renders the chosen locale through the learners'
 * pipeline. Trainer-only: the preview carries the answer keys so the trainer can check them.
 */
export async function POST(request: Request) {
  return handleRoute(request, async () => {
    await requireApiUser("author");
    const { kind, slug, locale, sources } = await readBody(
      request,
      previewSchema,
      "bad_request:preview",
      MAX_BODY,
    );
    const catalog = await loadCatalog();
    const present = { "zh-CN": sources["zh-CN"], ...(sources.en.trim() ? { en: sources.en } : {}) };
    const issues = checkItem({ kind, slug, version: "draft", sources: present }, catalog.scenarios);
    const text = sources[locale];
    if (!text.trim()) return Response.json({ issues, preview: null });

    if (kind === "scenario") {
      const result = compileScenarioSource(text, slug, locale, "draft");
      return Response.json({
        issues,
        preview: "scenario" in result ? { kind, scenario: result.scenario } : null,
      });
    }
    const result = compileChapterSource(text, {
      slug,
      locale,
      version: "draft",
      scenarios: catalog.scenarios,
    });
    if (!result.ok) return Response.json({ issues, preview: null });
    const { meta, segments, questions } = result.chapter;
    return Response.json({
      issues,
      preview: { kind, meta, html: segments.map((s) => s.html).join(""), questions },
    });
  });
}
