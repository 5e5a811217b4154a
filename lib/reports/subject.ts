import type { Requirements } from "../certification/definition";
import type { Catalog } from "../content/catalog";

/** The role-play minimum when no certification names one. */
const DEFAULT_SCENARIO_MIN = 70;

/**
 * What one report cell is about: the summary row it reads (`statType`/`statSlug` in
 * learner_item_stats), the training that closes its gap (a chapter, or the role-play of a skill)
 * and the threshold below which a person needs it.
 */
export type ReportSubject = {
  /** As in the address: "chapter:<slug>", "scenario:<slug>" or "competency:<scenario>:<skill>". */
  key: string;
  statType: "chapter" | "scenario" | "competency";
  statSlug: string;
  assignType: "chapter" | "scenario";
  assignSlug: string;
  /** Skill id, for a competency. */
  competency?: string;
  /** A score below this (percent) or no pass of a chapter means the person needs the training. */
  minPercent: number | null;
};

/** The subject a report address names, when the catalog has it; null otherwise (a 404). */
export function parseSubject(
  key: string,
  catalog: Pick<Catalog, "chapterSlugs" | "scenarioSlugs" | "findScenario">,
  requirements: Pick<Requirements, "scenarios"> | null,
): ReportSubject | null {
  const [type, slug = "", skill, ...rest] = key.split(":");
  if (rest.length > 0) return null;
  const minOf = (s: string) =>
    requirements?.scenarios.find((r) => r.slug === s)?.minPercent ?? DEFAULT_SCENARIO_MIN;
  if (type === "chapter" && skill === undefined && catalog.chapterSlugs().includes(slug)) {
    return {
      key,
      statType: "chapter",
      statSlug: slug,
      assignType: "chapter",
      assignSlug: slug,
      minPercent: null,
    };
  }
  if (!catalog.scenarioSlugs().includes(slug)) return null;
  if (type === "scenario" && skill === undefined) {
    return {
      key,
      statType: "scenario",
      statSlug: slug,
      assignType: "scenario",
      assignSlug: slug,
      minPercent: minOf(slug),
    };
  }
  const known = catalog.findScenario(slug, "zh-CN")?.scenario.competencies.some((c) => c.id === skill);
  if (type === "competency" && skill && known) {
    return {
      key,
      statType: "competency",
      statSlug: `${slug}:${skill}`,
      assignType: "scenario",
      assignSlug: slug,
      competency: skill,
      minPercent: minOf(slug),
    };
  }
  return null;
}

/** Whether a person with this result needs the subject's training. */
export function needsTraining(subject: ReportSubject, row: { bestPercent: number | null; passed: boolean }) {
  if (subject.minPercent === null) return !row.passed;
  return row.bestPercent === null || row.bestPercent < subject.minPercent;
}
