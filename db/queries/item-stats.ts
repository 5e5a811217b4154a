import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Question } from "../../lib/content/types";
import type { ItemSums } from "../../lib/reports/item-stats";
import { itemSumsDeltas } from "../../lib/reports/item-stats";
import { type Db, db as defaultDb } from "../client";
import { assessmentAttempts, checkAttempts, itemOptionStats, itemStats } from "../schema";
import { subtreeOf } from "../sql/subtree";
import { type Closing, closedBy } from "./assessment-attempts";
import { tuples } from "./rows";

/**
 * Statements for a close batch: what the closed attempt adds to each drawn question's sums and to
 * each picked option's count, in the branch the close recorded on the attempt. They run only for
 * the close that won (`closedBy`), so a retried or concurrent close adds nothing twice.
 */
export function itemStatsStatements({
  closing,
  db = defaultDb,
}: {
  closing: Closing;
  db?: Db;
}): BatchItem<"sqlite">[] {
  const deltas = itemSumsDeltas(closing.scored);
  if (deltas.length === 0) return [];
  const guard = closedBy(closing);
  const branch = sql`(select branch_id from ${assessmentAttempts} where id = ${closing.id})`;
  const rows = sql.join(
    deltas.map(
      (d) =>
        sql`(${d.slug}, ${d.questionId}, ${d.correct}, ${d.percent}, ${d.percentSquared}, ${d.percentIfCorrect})`,
    ),
    sql`, `,
  );
  const statements: BatchItem<"sqlite">[] = [
    db.run(sql`insert into ${itemStats} (slug, question_id, branch_id, drawn, correct, sum_percent,
        sum_percent_squared, sum_percent_correct)
      select v.column1, v.column2, ${branch}, 1, v.column3, v.column4, v.column5, v.column6
      from (values ${rows}) v
      where ${guard}
      on conflict (slug, question_id, branch_id) do update set drawn = drawn + excluded.drawn,
        correct = correct + excluded.correct, sum_percent = sum_percent + excluded.sum_percent,
        sum_percent_squared = sum_percent_squared + excluded.sum_percent_squared,
        sum_percent_correct = sum_percent_correct + excluded.sum_percent_correct`),
  ];
  const picks = deltas.flatMap((d) =>
    d.picked.map((optionId) => sql`(${d.slug}, ${d.questionId}, ${optionId})`),
  );
  if (picks.length > 0)
    statements.push(
      db.run(sql`insert into ${itemOptionStats} (slug, question_id, option_id, branch_id, picks)
        select v.column1, v.column2, v.column3, ${branch}, 1
        from (values ${sql.join(picks, sql`, `)}) v
        where ${guard}
        on conflict (slug, question_id, option_id, branch_id) do update set picks = picks + excluded.picks`),
    );
  return statements;
}

const closedScored = sql`a.closed_at is not null and a.kind in ('check', 'exam') and a.branch_id is not null`;

/** The key of each question: "<chapter slug>/<question id>" → its correct option ids. */
export type QuestionKeys = Record<string, string[]>;

/**
 * Rebuilds both tables (seeding, an existing database, a repair): the same sums the close batches
 * keep by deltas, from the closed checks' and exams' stored per-question results, plus the
 * submissions from before server-held attempts (a `check_attempts` row without an attempt of its
 * id): each answered question counts as drawn, fully right when its picks are exactly the key in
 * `keys` (the current revisions'), in the learner's current branch.
 */
export async function rebuildItemStats({ keys, db = defaultDb }: { keys: QuestionKeys; db?: Db }) {
  const legacy = sql`select c.module_slug as slug, j.key as question_id, u.branch_id, c.percent,
        json_array_length(j.value) = json_array_length(k.value)
          and not exists (select 1 from json_each(j.value) p
            where p.value not in (select value from json_each(k.value))) as correct,
        j.value as picks
      from ${checkAttempts} c join users u on u.id = c.user_id, json_each(c.answers) j
        join json_each(${JSON.stringify(keys)}) k on k.key = c.module_slug || '/' || j.key
      where not exists (select 1 from ${assessmentAttempts} a where a.id = c.id)`;
  await db.batch([
    db.run(sql`delete from ${itemStats}`),
    db.run(sql`delete from ${itemOptionStats}`),
    db.run(sql`insert into ${itemStats} (slug, question_id, branch_id, drawn, correct, sum_percent,
        sum_percent_squared, sum_percent_correct)
      select json_extract(r.value, '$.slug'), json_extract(r.value, '$.questionId'), a.branch_id, count(*),
        sum(json_extract(r.value, '$.correct')), sum(a.percent), sum(a.percent * a.percent),
        sum(case when json_extract(r.value, '$.correct') then a.percent else 0 end)
      from ${assessmentAttempts} a, json_each(a.results) r
      where ${closedScored}
      group by 1, 2, 3`),
    db.run(sql`insert into ${itemOptionStats} (slug, question_id, option_id, branch_id, picks)
      select json_extract(r.value, '$.slug'), json_extract(r.value, '$.questionId'), o.value, a.branch_id, count(*)
      from ${assessmentAttempts} a, json_each(a.results) r, json_each(r.value, '$.selected') o
      where ${closedScored}
      group by 1, 2, 3, 4`),
    db.run(sql`insert into ${itemStats} (slug, question_id, branch_id, drawn, correct, sum_percent,
        sum_percent_squared, sum_percent_correct)
      select slug, question_id, branch_id, count(*), sum(correct), sum(percent), sum(percent * percent),
        sum(correct * percent)
      from (${legacy}) where 1
      group by 1, 2, 3
      on conflict (slug, question_id, branch_id) do update set drawn = drawn + excluded.drawn,
        correct = correct + excluded.correct, sum_percent = sum_percent + excluded.sum_percent,
        sum_percent_squared = sum_percent_squared + excluded.sum_percent_squared,
        sum_percent_correct = sum_percent_correct + excluded.sum_percent_correct`),
    db.run(sql`insert into ${itemOptionStats} (slug, question_id, option_id, branch_id, picks)
      select l.slug, l.question_id, o.value, l.branch_id, count(*)
      from (${legacy}) l, json_each(l.picks) o where 1
      group by 1, 2, 3, 4
      on conflict (slug, question_id, option_id, branch_id) do update set picks = picks + excluded.picks`),
  ]);
}

/** The keys of every question in a catalog's chapters, for `rebuildItemStats`. */
export function questionKeys(
  chapters: readonly { slug: string; questions: readonly Question[] }[],
): QuestionKeys {
  return Object.fromEntries(
    chapters.flatMap(({ slug, questions }) =>
      questions.map((q) => [`${slug}/${q.id}`, q.options.filter((o) => o.correct).map((o) => o.id)]),
    ),
  );
}

/** A chapter's question sums over the branches under `scope` ("/" for the whole bank), by question id. */
export async function itemSumsForChapter({
  slug,
  scope,
  db = defaultDb,
}: {
  slug: string;
  scope: string;
  db?: Db;
}): Promise<Map<string, ItemSums>> {
  const inScope: SQL = subtreeOf(scope, sql`b.path`);
  const [sums, picks] = await db.batch([
    db.values<[string, number, number, number, number, number]>(sql`select s.question_id, sum(s.drawn),
        sum(s.correct), sum(s.sum_percent), sum(s.sum_percent_squared), sum(s.sum_percent_correct)
      from ${itemStats} s join branches b on b.id = s.branch_id
      where s.slug = ${slug} and ${inScope}
      group by s.question_id`),
    db.values<[string, string, number]>(sql`select o.question_id, o.option_id, sum(o.picks)
      from ${itemOptionStats} o join branches b on b.id = o.branch_id
      where o.slug = ${slug} and ${inScope}
      group by o.question_id, o.option_id`),
  ]);
  const byQuestion = new Map<string, ItemSums>();
  for (const [questionId, drawn, correct, sumPercent, sumPercentSquared, sumPercentCorrect] of tuples<
    [string, number, number, number, number, number]
  >(sums))
    byQuestion.set(String(questionId), {
      drawn: Number(drawn),
      correct: Number(correct),
      sumPercent: Number(sumPercent),
      sumPercentSquared: Number(sumPercentSquared),
      sumPercentCorrect: Number(sumPercentCorrect),
      picks: [],
    });
  for (const [questionId, optionId, count] of tuples<[string, string, number]>(picks)) {
    const q = byQuestion.get(String(questionId));
    if (q) q.picks = [...q.picks, { optionId: String(optionId), count: Number(count) }];
  }
  return byQuestion;
}
