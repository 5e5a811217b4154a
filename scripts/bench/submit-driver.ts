// The knowledge-check flow as the benchmarks drive it, the way the chapter page does: start an
// attempt (POST …/check: the server draws), then submit an answer for every drawn question (POST
// …/attempts). Driven over HTTP against the app, and against the floor server (floor-server.ts),
// which calls the same use cases directly. bench:submit times the submit and reports the start
// apart; bench:reports uses it as its write load. When the flow changes, this file is the one to adapt.
import type { Db } from "@/db/client";
import { fileCatalog } from "@/lib/content/catalog";
import type { Question } from "@/lib/content/types";
import { request, type Timing } from "./harness";

export const chapters = fileCatalog()
  .chapterSlugs()
  .map((slug) => {
    const entry = fileCatalog().findChapter(slug, "zh-CN");
    if (!entry?.result.ok) throw new Error(`${slug} does not compile`);
    return entry.result.chapter;
  });
const questionOf = new Map<string, Question>(
  chapters.flatMap((c) => c.questions.map((q) => [`${c.meta.slug}/${q.id}`, q] as const)),
);

type PublicItem = { key: string; options: { token: string; text: string }[] };
type Started = { open: { attemptId: string; items: PublicItem[] } };

/**
 * Answers for every drawn question of a started attempt: the key by option text; with `miss`, the
 * first question wrong (still a pass, so the cooldown after a failure never blocks the next round).
 */
export function answersFor(started: Started, miss: boolean) {
  return Object.fromEntries(
    started.open.items.map((item, k) => {
      const right = new Set(
        questionOf
          .get(item.key)
          ?.options.filter((o) => o.correct)
          .map((o) => o.text),
      );
      const wrong = miss && k === 0;
      return [
        item.key,
        item.options
          .filter((o) => right.has(o.text) !== wrong)
          .map((o) => o.token)
          .slice(0, wrong ? 1 : undefined),
      ];
    }),
  );
}

export type Taken = { start: Timing; submit: Timing | null };

/** Start then submit through `post` (the app's two routes, or the floor's two paths). */
async function take(
  post: (step: "start" | "submit", body: string) => Promise<Timing & { text: string }>,
  body: Record<string, unknown>,
  miss: boolean,
): Promise<Taken> {
  const start = await post("start", JSON.stringify(body));
  if (start.status !== 200) return { start, submit: null };
  const started = JSON.parse(start.text) as Started;
  const submit = await post(
    "submit",
    JSON.stringify({ ...body, attemptId: started.open.attemptId, answers: answersFor(started, miss) }),
  );
  return { start, submit };
}

/** One check taken as the browser takes it: POST …/check (draw or resume), then POST …/attempts. */
export function takeCheck(cookie: string, slug: string, miss: boolean): Promise<Taken> {
  return take(
    (step, body) =>
      request(`/api/learn/${slug}/${step === "start" ? "check" : "attempts"}`, {
        method: "POST",
        cookie,
        body: step === "start" ? "{}" : body,
      }),
    {},
    miss,
  );
}

/** The same check against the floor server at `base`, for the learner `who` (what the session would give). */
export function takeFloorCheck(
  base: string,
  who: { id: string; employeeNo: string },
  slug: string,
  miss: boolean,
): Promise<Taken> {
  return take(
    (step, body) => request(`${base}/${step}`, { method: "POST", body }),
    { user: who, slug },
    miss,
  );
}

/** The slug of a worker's i-th check: the chapters in turn. */
export const slugOf = (i: number) => chapters[i % chapters.length]?.meta.slug as string;

/**
 * A writer's i-th check: the chapters in turn, every answer right. The submit's timing (the
 * start's, when the server refused to start one).
 */
export function appSubmission(): (cookie: string, w: number, i: number) => Promise<Timing> {
  return async (cookie, _w, i) => {
    const { start, submit } = await takeCheck(cookie, slugOf(i), false);
    return submit ?? start;
  };
}

type FloorBody = {
  user: { id: string; employeeNo: string };
  slug: string;
  attemptId?: string;
  answers?: Record<string, string[]>;
};

let useCases:
  | Promise<[typeof import("@/db/use-cases/check-attempt"), typeof import("@/db/use-cases/submit-check")]>
  | undefined;

/**
 * The use cases the app's two routes call, with the arguments the routes would give them. Loaded
 * on first use: only the floor server (react-server condition, its own database) calls them.
 */
export async function throughUseCase(step: "start" | "submit", body: FloorBody, db: Db) {
  useCases ??= Promise.all([import("@/db/use-cases/check-attempt"), import("@/db/use-cases/submit-check")]);
  const [{ startCheck }, { submitCheck }] = await useCases;
  const who = { user: body.user, slug: body.slug, locale: "zh-CN" as const, db };
  if (step === "start") return startCheck(who);
  return submitCheck({ ...who, attemptId: body.attemptId ?? "", answers: body.answers ?? {} });
}
