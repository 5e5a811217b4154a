import type { ChapterStanding } from "@/db/queries/learning";

export type ChapterStatus = "notStarted" | "inProgress" | "passed" | "relearn";

export function chapterStatus(standing: ChapterStanding | undefined): ChapterStatus {
  if (standing?.passed) return "passed";
  if (standing?.relearn) return "relearn";
  return standing?.started ? "inProgress" : "notStarted";
}
