import "server-only";
import { notFound } from "next/navigation";
import { scenarioAtVersion } from "@/db/queries/content-catalog";
import { getScenarioAttempt } from "@/db/queries/practice";

/**
 * The signed-in learner's own finished attempt of `slug`, with the scenario at the version it was
 * played on, for the pages that look back at it (result, path, replay). Anything else is a 404.
 */
export async function finishedAttempt({
  slug,
  attemptId,
  userId,
}: {
  slug: string;
  attemptId: string;
  userId: string;
}) {
  const attempt = await getScenarioAttempt({ id: attemptId, userId });
  if (!attempt || attempt.scenarioSlug !== slug || attempt.status !== "completed") notFound();
  const found = await scenarioAtVersion({ slug, locale: attempt.locale, version: attempt.contentVersion });
  if (!found) notFound();
  return { attempt, scenario: found.scenario };
}
