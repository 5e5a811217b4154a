import type { ChapterStanding } from "@/db/queries/learning";

export type ChapterStatus = "notStarted" | "inProgress" | "passed";

export function chapterStatus(standing: ChapterStanding | undefined): ChapterStatus {
  if (standing?.passed) return "passed";
  return standing?.started ? "inProgress" : "notStarted";
}
