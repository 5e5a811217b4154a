import type { Site } from "./site";
import type { Activity, LanguageMap } from "./types";

const verb = (id: string, en: string, zh: string) => ({ id, display: { en, "zh-CN": zh } as LanguageMap });
const ADL = "http://adlnet.gov/expapi";

/** ADL verbs, and "earned" from the public xAPI registry (ADL has none for a credential). */
export const VERBS = {
  experienced: verb(`${ADL}/verbs/experienced`, "experienced", "学习了"),
  answered: verb(`${ADL}/verbs/answered`, "answered", "作答了"),
  passed: verb(`${ADL}/verbs/passed`, "passed", "通过了"),
  failed: verb(`${ADL}/verbs/failed`, "failed", "未通过"),
  completed: verb(`${ADL}/verbs/completed`, "completed", "完成了"),
  earned: verb("http://id.tincanapi.com/verb/earned", "earned", "获得了"),
};

export const ACTIVITY_TYPES = {
  module: `${ADL}/activities/module`,
  assessment: `${ADL}/activities/assessment`,
  interaction: `${ADL}/activities/cmi.interaction`,
  simulation: `${ADL}/activities/simulation`,
};

/** `context.platform` of every statement. */
export const PLATFORM = "counter-service-training";

/** An activity named by its IRI alone, as `contextActivities` list them. */
export const ref = (id: string): Activity => ({ objectType: "Activity", id });

const part = encodeURIComponent;

/**
 * The platform's own IRIs, all under APP_URL: its activities (chapters, their checks and
 * questions, scenarios and their steps, certifications and their exams), the extension keys
 * and the two terms no public vocabulary has (a certification, and revoking one).
 */
export function iris({ origin }: Site) {
  const activities = `${origin}/xapi/activities`;
  const extensions = `${origin}/xapi/extensions`;
  return {
    chapter: (slug: string) => `${activities}/chapters/${part(slug)}`,
    check: (slug: string) => `${activities}/chapters/${part(slug)}/check`,
    question: (slug: string, questionId: string) =>
      `${activities}/chapters/${part(slug)}/questions/${part(questionId)}`,
    scenario: (slug: string) => `${activities}/scenarios/${part(slug)}`,
    step: (slug: string, stepId: string) => `${activities}/scenarios/${part(slug)}/steps/${part(stepId)}`,
    certification: (id: string) => `${activities}/certifications/${part(id)}`,
    exam: (id: string) => `${activities}/certifications/${part(id)}/exam`,
    /** result.extensions key of one role-play competency, e.g. …/extensions/competencies/empathy. */
    competency: (id: string) => `${extensions}/competencies/${part(id)}`,
    extension: (name: "section" | "outcome" | "timed-out" | "chapters" | "close-reason" | "certificate") =>
      `${extensions}/${name}`,
    certificationType: `${origin}/xapi/activity-types/certification`,
    /** The actor is whom a statement is about: "E1001 · revoked · 柜面服务技能认证" records that their certificate was revoked. */
    revoked: verb(`${origin}/xapi/verbs/revoked`, "revoked", "被撤销"),
  };
}
