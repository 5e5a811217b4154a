import type { DraftCheck } from "@/lib/content/check-draft";
import type { ItemIssues } from "@/lib/content/check-item";
import { AppError } from "@/lib/errors";

/**
 * The answer for a draft the bounded check refused (lib/content/check-draft.ts): 413 when a text is
 * over the size limit, else 422, with the issues (each names its line and limit) for the editor.
 */
export function refusalResponse(refused: NonNullable<DraftCheck["refused"]>, issues: ItemIssues): Response {
  if (refused === "busy")
    throw new AppError(
      "unavailable:content_check",
      "Too many checks are running; try again / 检查繁忙，请稍后再试",
    );
  const tooLarge = Object.values(issues).some((list) => list?.some((i) => i.limit?.code === "bytes"));
  return Response.json(
    tooLarge
      ? { code: "too_large:content", message: "The text is too large / 文本过大", issues }
      : {
          code: "invalid:content_limits",
          message: "The text is too complex to check / 文本过于复杂，无法检查",
          issues,
        },
    { status: tooLarge ? 413 : 422 },
  );
}
