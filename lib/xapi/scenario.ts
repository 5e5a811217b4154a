import type { Locale } from "@/lib/i18n/locales";
import type { PlayState, ScenarioResult } from "@/lib/scenario/engine";
import type { Scenario } from "@/lib/scenario/schema";
import { actorOf, defaultSite, isoDuration, registrationOf, type Site, statementId } from "./site";
import type { Activity, ActivityDefinition, Result, Statement } from "./types";
import { ACTIVITY_TYPES, iris, PLATFORM, ref, VERBS } from "./vocabulary";

/** One answered role-play step, as the answer route's batch knows it. */
export type ScenarioAnswer = {
  learner: { employeeNo: string };
  attempt: { id: string; scenarioSlug: string; contentVersion: string; locale: Locale; startedAt: Date };
  /** The scenario at the attempt's revision. */
  scenario: Scenario;
  /** The state after the answer: its last turn is the step just answered. */
  state: PlayState;
  /** The attempt's result when this answer ended it, otherwise null. */
  result: ScenarioResult | null;
  at: Date;
  /** Certifications that require the scenario (`contextActivities.grouping`). */
  certificationIds?: readonly string[];
};

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
const scaled = (score: number, max: number) => (max > 0 ? round4(Math.min(1, Math.max(0, score) / max)) : 0);

/**
 * The statements of one answer: "answered" the step (a cmi.interaction in the simulation: its
 * choices, or long-fill-in for a free-text step; the points it earned per competency as
 * IRI-keyed result extensions; a timed-out step has no response), and, when the answer ended the
 * role-play, "completed" the scenario (activity type simulation) with the scaled total, success,
 * duration, the ending and each competency as { raw, max, scaled } under its IRI.
 */
export function scenarioAnswerStatements(e: ScenarioAnswer, site: Site = defaultSite()): Statement[] {
  const iri = iris(site);
  const { attempt, scenario, state, learner } = e;
  const index = state.turns.length - 1;
  const turn = state.turns[index];
  if (!turn) return [];
  const step = scenario.steps[turn.stepId];
  const scenarioRef = ref(iri.scenario(attempt.scenarioSlug));
  const certifications = (e.certificationIds ?? []).map((id) => ref(iri.certification(id)));
  const context = (parent: Activity[]) => ({
    registration: registrationOf(site, attempt.id),
    revision: attempt.contentVersion,
    platform: PLATFORM,
    language: attempt.locale,
    contextActivities: {
      ...(parent.length ? { parent } : {}),
      ...(certifications.length ? { grouping: certifications } : {}),
    },
  });
  const lang = (text: string) => ({ [attempt.locale]: text });

  const definition: ActivityDefinition = {
    type: ACTIVITY_TYPES.interaction,
    name: lang(`${scenario.title} · ${turn.stepId}`),
    ...(step?.customer ? { description: lang(step.customer) } : {}),
    ...(step && (step.kind === "choice" || step.kind === "timed")
      ? {
          interactionType: "choice" as const,
          choices: step.choices.map((c) => ({ id: c.id, description: lang(c.text) })),
        }
      : { interactionType: "long-fill-in" as const }),
  };
  const points = Object.fromEntries(
    Object.entries(turn.points).map(([competency, p]) => [iri.competency(competency), p]),
  );
  const answer = turn.answer;
  const stepResult: Result = {
    ...(answer.type === "choice" ? { response: answer.choiceId } : {}),
    ...(answer.type === "text" ? { response: answer.text } : {}),
    extensions: { ...points, ...(answer.type === "timeout" ? { [iri.extension("timed-out")]: true } : {}) },
  };
  const statements: Statement[] = [
    {
      id: statementId(site, `scenario/${attempt.id}/turn/${index}`),
      actor: actorOf(site, learner.employeeNo),
      verb: VERBS.answered,
      object: { objectType: "Activity", id: iri.step(attempt.scenarioSlug, turn.stepId), definition },
      result: stepResult,
      context: context([scenarioRef]),
      timestamp: e.at.toISOString(),
    },
  ];

  const r = e.result;
  if (r) {
    statements.push({
      id: statementId(site, `scenario/${attempt.id}/completed`),
      actor: actorOf(site, learner.employeeNo),
      verb: VERBS.completed,
      object: {
        ...scenarioRef,
        definition: {
          type: ACTIVITY_TYPES.simulation,
          name: lang(scenario.title),
          description: lang(scenario.summary),
          moreInfo: `${site.origin}/practice/${encodeURIComponent(attempt.scenarioSlug)}`,
        },
      },
      result: {
        score: { scaled: scaled(r.score, r.max), raw: r.score, min: 0, max: r.max },
        success: r.passed,
        completion: true,
        duration: isoDuration(e.at.getTime() - attempt.startedAt.getTime()),
        extensions: {
          ...Object.fromEntries(
            r.competencies.map((c) => [
              iri.competency(c.id),
              { raw: c.score, max: c.max, scaled: scaled(c.score, c.max) },
            ]),
          ),
          ...(r.outcome ? { [iri.extension("outcome")]: r.outcome.id } : {}),
        },
      },
      context: context([]),
      timestamp: e.at.toISOString(),
    });
  }
  return statements;
}
