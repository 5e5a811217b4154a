import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { loadCatalog } from "@/db/queries/content-catalog";
import { checkDraft } from "@/lib/content/check-draft";
import { handleRoute, readBody } from "@/lib/http/handle-route";
import { refusal } from "../refusal";
import { MAX_BODY, previewSchema } from "../schema";

/**
 * Validates a draft as the trainer types and renders the chosen locale through the learners'
 * pipeline. Trainer-only: the preview carries the answer keys so the trainer can check them. The
 * text is untrusted: it is checked in a worker thread with a time budget, after limits that make
 * the worst case cheap, and a text over them gets 413/422 with its issues.
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
    const present = { "zh-CN": sources["zh-CN"], ...(sources.en.trim() ? { en: sources.en } : {}) };
    const checked = await checkDraft(
      { kind, slug, version: "draft", sources: present },
      async () => (await loadCatalog()).scenarios,
      { previewLocale: sources[locale].trim() ? locale : undefined },
    );
    if (checked.refused) throw refusal(checked.refused, checked.issues);
    return Response.json({ issues: checked.issues, preview: checked.preview });
  });
}
