import { createHash } from "node:crypto";
import type { Question, QuestionType } from "@/lib/content/types";
import { seededRandom, shuffled } from "./random";

/**
 * One drawn question as an attempt stores it: which question, and its options in the order the
 * learner sees them, each under a token that means something only in this attempt. The browser
 * sees the key and the tokens, never an option id, so an answer written with raw option ids or
 * with another attempt's tokens is refused.
 */
export type AttemptItem = {
  /** How the browser and a submission name the question: "<chapter slug>/<question id>". */
  key: string;
  slug: string;
  questionId: string;
  type: QuestionType;
  options: { token: string; optionId: string }[];
};

/** Finds a question of the attempt's pinned revisions; undefined when it is not there. */
export type QuestionLookup = (slug: string, questionId: string) => Question | undefined;

export const itemKey = (slug: string, questionId: string) => `${slug}/${questionId}`;

const TRUE_FALSE = ["true", "false"];

/**
 * The stored form of drawn questions, deterministic for a seed: per question a seeded option order
 * (true/false keeps True then False) and per option a token derived from the seed, unique within
 * the attempt and unguessable without the seed (which never leaves the server).
 */
export function buildAttemptItems(
  seed: string,
  drawn: readonly { slug: string; question: Question }[],
): AttemptItem[] {
  const used = new Set<string>();
  const tokenOf = (key: string, optionId: string) => {
    for (let n = 0; ; n++) {
      const token = createHash("sha256")
        .update(`${seed}|token|${key}|${optionId}|${n}`)
        .digest("base64url")
        .slice(0, 12);
      if (!used.has(token)) {
        used.add(token);
        return token;
      }
    }
  };
  return drawn.map(({ slug, question }) => {
    const key = itemKey(slug, question.id);
    const ids = question.options.map((o) => o.id);
    const order =
      question.type === "truefalse"
        ? TRUE_FALSE.filter((id) => ids.includes(id))
        : shuffled(ids, seededRandom(`options|${seed}|${key}`));
    return {
      key,
      slug,
      questionId: question.id,
      type: question.type,
      options: order.map((optionId) => ({ token: tokenOf(key, optionId), optionId })),
    };
  });
}

/** A drawn question as the browser may see it: options in the attempt's order, by token, no key. */
export type PublicItem = {
  key: string;
  type: QuestionType;
  prompt: string;
  options: { token: string; text: string }[];
};

/** The question of an item, from the attempt's pinned revisions; a missing one is a server fault. */
export function questionOfItem(item: AttemptItem, lookup: QuestionLookup): Question {
  const question = lookup(item.slug, item.questionId);
  if (!question) throw new Error(`attempt item ${item.key} is not in its pinned revision`);
  return question;
}

/** What the browser receives for an attempt: the drawn questions only, no correctness, no feedback. */
export function publicItems(items: readonly AttemptItem[], lookup: QuestionLookup): PublicItem[] {
  return items.map((item) => {
    const q = questionOfItem(item, lookup);
    const text = new Map(q.options.map((o) => [o.id, o.text]));
    return {
      key: item.key,
      type: item.type,
      prompt: q.prompt,
      options: item.options.map((o) => ({ token: o.token, text: text.get(o.optionId) ?? "" })),
    };
  });
}

/**
 * Tokens back to option ids for one item. `unknown` lists tokens that are no token of this attempt;
 * `foreign` those that belong to another question of it.
 */
export function tokensToOptionIds(
  items: readonly AttemptItem[],
  key: string,
  tokens: readonly string[],
): { optionIds: string[]; unknown: string[]; foreign: string[] } {
  const owner = new Map<string, { key: string; optionId: string }>();
  for (const item of items)
    for (const o of item.options) owner.set(o.token, { key: item.key, optionId: o.optionId });
  const optionIds: string[] = [];
  const unknown: string[] = [];
  const foreign: string[] = [];
  for (const token of tokens) {
    const found = owner.get(token);
    if (!found) unknown.push(token);
    else if (found.key !== key) foreign.push(token);
    else optionIds.push(found.optionId);
  }
  return { optionIds, unknown, foreign };
}

/** Saved answers (option ids by item key) as the browser names them: tokens by item key. */
export function tokensOf(
  items: readonly AttemptItem[],
  answers: Readonly<Record<string, readonly string[]>>,
) {
  return Object.fromEntries(
    items.flatMap((item) => {
      const picked = Object.hasOwn(answers, item.key) ? answers[item.key] : undefined;
      if (!picked?.length) return [];
      const token = new Map(item.options.map((o) => [o.optionId, o.token]));
      return [[item.key, picked.flatMap((id) => token.get(id) ?? [])]];
    }),
  );
}
