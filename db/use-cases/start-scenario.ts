import "server-only";
import { AppError } from "../../lib/errors";
import type { Locale } from "../../lib/i18n/locales";
import { publicStep, start } from "../../lib/scenario/engine";
import { timeAllowedMs } from "../../lib/scenario/timing";
import { type Db, db as defaultDb } from "../client";
import { loadCatalog } from "../queries/content-catalog";
import { createScenarioAttempt } from "../queries/practice";

/**
 * A learner starts a role-play: the server creates and holds the attempt on the current revision
 * and returns only the first step's words (no points, feedback or targets).
 */
export async function startScenario({
  user,
  slug,
  locale,
  extendedTime,
  now = Date.now(),
  db = defaultDb,
}: {
  user: { id: string };
  slug: string;
  locale: Locale;
  extendedTime: boolean;
  now?: number;
  db?: Db;
}) {
  const found = (await loadCatalog({ db })).findScenario(slug, locale);
  if (!found) throw new AppError("not_found:scenario");
  const state = start(found.scenario);
  const attempt = await createScenarioAttempt({
    userId: user.id,
    scenarioSlug: slug,
    contentVersion: found.version,
    locale: found.locale,
    state,
    extendedTime,
    now,
    db,
  });
  const step = publicStep(found.scenario, state.stepId);
  return {
    attemptId: attempt.id,
    mood: state.mood,
    step,
    timeAllowedMs: timeAllowedMs(step.timeLimit, attempt.extendedTime),
  };
}
