import type { DraftCheck } from "@/lib/content/check-draft";
import type { ItemIssues } from "@/lib/content/check-item";
import { AppError } from "@/lib/errors";

/**
 * The error for a draft the bounded check refused (lib/content/check-draft.ts): 413 when a text is
 * over the size limit, else 422, with the issues (each names its line and limit) for the editor;
 * 503 when too many checks are waiting.
 */
export function refusal(refused: NonNullable<DraftCheck["refused"]>, issues: ItemIssues): AppError {
  if (refused === "busy") return new AppError("unavailable:content_check");
  const tooLarge = Object.values(issues).some((list) => list?.some((i) => i.limit?.code === "bytes"));
  return new AppError(tooLarge ? "too_large:content" : "unprocessable:content_limits", undefined, { issues });
}
