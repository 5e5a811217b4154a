import { type AttemptItem, type QuestionLookup, questionOfItem } from "@/lib/assessment/attempt-items";
import type { AttemptScore } from "@/lib/assessment/score";
import type { Locale } from "@/lib/i18n/locales";
import { actorOf, defaultSite, isoDuration, registrationOf, type Site, statementId } from "./site";
import type { Activity, Statement } from "./types";
import { ACTIVITY_TYPES, iris, PLATFORM, ref, VERBS } from "./vocabulary";

/** A closed server-held attempt (a knowledge check or the exam), as its close batch knows it. */
export type ClosedAttempt = {
  learner: { employeeNo: string };
  attempt: {
    id: string;
    locale: Locale;
    startedAt: Date;
    closedAt: Date;
    /** The revision a check is pinned to (`context.revision`); an exam spans several. */
    revisionId?: string;
    /** Why it closed when not by a submission, e.g. "deadline" (a result extension). */
    closeReason?: string;
  };
  /** The drawn questions, options in the attempt's order. */
  items: readonly AttemptItem[];
  /** `scoreAttempt` of the attempt's final answers. */
  score: AttemptScore;
  /** The questions of the attempt's pinned revisions. */
  lookup: QuestionLookup;
};

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
const scaled = (score: number, max: number) => (max > 0 ? round4(Math.min(1, Math.max(0, score) / max)) : 0);

const CHECK_NAME = { "zh-CN": "知识测验：", en: "Knowledge check: " } as const;
const EXAM_NAME = { "zh-CN": "认证考试：", en: "Certification exam: " } as const;

/**
 * One "answered" statement per answered question (an unanswered one has no response to record):
 * a cmi.interaction of type choice (its options as `choices`, in the order shown) or true-false,
 * with the learner's response and the key as `correctResponsesPattern` (option ids joined by
 * "[,]"), success when fully right and the point earned as the score.
 */
function questionStatements(
  site: Site,
  e: ClosedAttempt,
  kind: "check" | "exam",
  parent: Activity,
  grouping: (slug: string) => Activity[],
): Statement[] {
  const iri = iris(site);
  const { attempt, learner } = e;
  const items = new Map(e.items.map((i) => [i.key, i]));
  return e.score.items.flatMap((scored) => {
    const item = items.get(scored.key);
    if (!item || scored.selected.length === 0) return [];
    const question = questionOfItem(item, e.lookup);
    const order = item.options.map((o) => o.optionId);
    const option = new Map(question.options.map((o) => [o.id, o]));
    const key = order.filter((id) => option.get(id)?.correct);
    const trueFalse = question.type === "truefalse";
    const statement: Statement = {
      id: statementId(site, `${kind}/${attempt.id}/question/${scored.key}`),
      actor: actorOf(site, learner.employeeNo),
      verb: VERBS.answered,
      object: {
        objectType: "Activity",
        id: iri.question(item.slug, item.questionId),
        definition: {
          type: ACTIVITY_TYPES.interaction,
          name: { [attempt.locale]: question.prompt },
          interactionType: trueFalse ? "true-false" : "choice",
          correctResponsesPattern: [key.join("[,]")],
          ...(trueFalse
            ? {}
            : {
                choices: order.map((id) => ({
                  id,
                  description: { [attempt.locale]: option.get(id)?.text ?? id },
                })),
              }),
          ...(question.section === null
            ? {}
            : { extensions: { [iri.extension("section")]: question.section } }),
        },
      },
      result: {
        response: scored.selected.join("[,]"),
        success: scored.correct,
        score: { scaled: round4(scored.points), raw: round4(scored.points), min: 0, max: 1 },
      },
      context: {
        registration: registrationOf(site, attempt.id),
        platform: PLATFORM,
        language: attempt.locale,
        ...(attempt.revisionId ? { revision: attempt.revisionId } : {}),
        contextActivities: { parent: [parent], grouping: grouping(item.slug) },
      },
      timestamp: attempt.closedAt.toISOString(),
    };
    return [statement];
  });
}

function resultOf(e: ClosedAttempt, extensions: Record<string, unknown>) {
  const { score, attempt } = e;
  return {
    score: {
      scaled: scaled(score.score, score.maxScore),
      raw: round4(score.score),
      min: 0,
      max: score.maxScore,
    },
    success: score.passed,
    completion: true,
    duration: isoDuration(attempt.closedAt.getTime() - attempt.startedAt.getTime()),
    ...(Object.keys(extensions).length ? { extensions } : {}),
  };
}

/**
 * A closed knowledge check: each answered question, then "passed" or "failed" the chapter's
 * check (an assessment whose parent is the chapter) with the scaled score, success and duration.
 * Registration is the attempt id.
 */
export function checkClosedStatements(
  e: ClosedAttempt & {
    chapter: { slug: string; title: string };
    /** Certifications that require the chapter (`contextActivities.grouping`). */
    certificationIds?: readonly string[];
  },
  site: Site = defaultSite(),
): Statement[] {
  const iri = iris(site);
  const { attempt, chapter } = e;
  const check = ref(iri.check(chapter.slug));
  const certifications = (e.certificationIds ?? []).map((id) => ref(iri.certification(id)));
  const closeReason = attempt.closeReason ? { [iri.extension("close-reason")]: attempt.closeReason } : {};
  return [
    ...questionStatements(site, e, "check", check, () => [ref(iri.chapter(chapter.slug)), ...certifications]),
    {
      id: statementId(site, `check/${attempt.id}/result`),
      actor: actorOf(site, e.learner.employeeNo),
      verb: e.score.passed ? VERBS.passed : VERBS.failed,
      object: {
        ...check,
        definition: {
          type: ACTIVITY_TYPES.assessment,
          name: { [attempt.locale]: `${CHECK_NAME[attempt.locale]}${chapter.title}` },
        },
      },
      result: resultOf(e, closeReason),
      context: {
        registration: registrationOf(site, attempt.id),
        platform: PLATFORM,
        language: attempt.locale,
        ...(attempt.revisionId ? { revision: attempt.revisionId } : {}),
        contextActivities: {
          parent: [ref(iri.chapter(chapter.slug))],
          ...(certifications.length ? { grouping: certifications } : {}),
        },
      },
      timestamp: attempt.closedAt.toISOString(),
    },
  ];
}

/**
 * A closed certification exam: each answered question (parent the exam, grouped under the
 * certification and the question's chapter), then "passed" or "failed" the exam, with the score
 * per chapter as a result extension ({ slug: scaled }).
 */
export function examClosedStatements(
  e: ClosedAttempt & { certification: { id: string; name: Partial<Record<Locale, string>> } },
  site: Site = defaultSite(),
): Statement[] {
  const iri = iris(site);
  const { attempt, certification } = e;
  const exam = ref(iri.exam(certification.id));
  const cert = ref(iri.certification(certification.id));
  const chapters = Object.fromEntries(e.score.chapters.map((c) => [c.slug, scaled(c.score, c.maxScore)]));
  const name = certification.name[attempt.locale] ?? Object.values(certification.name)[0] ?? certification.id;
  return [
    ...questionStatements(site, e, "exam", exam, (slug) => [cert, ref(iri.chapter(slug))]),
    {
      id: statementId(site, `exam/${attempt.id}/result`),
      actor: actorOf(site, e.learner.employeeNo),
      verb: e.score.passed ? VERBS.passed : VERBS.failed,
      object: {
        ...exam,
        definition: {
          type: ACTIVITY_TYPES.assessment,
          name: { [attempt.locale]: `${EXAM_NAME[attempt.locale]}${name}` },
        },
      },
      result: resultOf(e, {
        [iri.extension("chapters")]: chapters,
        ...(attempt.closeReason ? { [iri.extension("close-reason")]: attempt.closeReason } : {}),
      }),
      context: {
        registration: registrationOf(site, attempt.id),
        platform: PLATFORM,
        language: attempt.locale,
        contextActivities: { parent: [cert] },
      },
      timestamp: attempt.closedAt.toISOString(),
    },
  ];
}
