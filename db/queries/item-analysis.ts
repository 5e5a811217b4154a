import "server-only";
import { sql } from "drizzle-orm";
import type { ChoiceCount, SelectionCount } from "../../lib/reports/item-analysis";
import { type Db, db as defaultDb } from "../client";
import { subtreeOf } from "../sql/subtree";
import { tuples } from "./rows";

const inScope = (scope: string) => subtreeOf(scope, sql`b.path`);

/** For every answer stored in a chapter's check attempts within the scope: how often each selection was given. */
export async function countCheckSelections({
  slug,
  scope,
  db = defaultDb,
}: {
  slug: string;
  scope: string;
  db?: Db;
}): Promise<SelectionCount[]> {
  const rows = await db.values<[string, string, number]>(sql`select j.key, j.value, count(*)
    from check_attempts a join users u on u.id = a.user_id join branches b on b.id = u.branch_id,
      json_each(a.answers) j
    where a.module_slug = ${slug} and ${inScope(scope)}
    group by j.key, j.value`);
  return tuples<[string, string, number]>(rows).map(([questionId, selection, count]) => ({
    questionId: String(questionId),
    selection: String(selection),
    count: Number(count),
  }));
}

/** For a scenario, how often each choice was taken at each step, over attempts within the scope. */
export async function countScenarioChoices({
  slug,
  scope,
  db = defaultDb,
}: {
  slug: string;
  scope: string;
  db?: Db;
}): Promise<ChoiceCount[]> {
  const rows = await db.values<[string, string, number]>(sql`select json_extract(t.value, '$.stepId'),
      coalesce(json_extract(t.value, '$.answer.choiceId'), json_extract(t.value, '$.answer.type')), count(*)
    from scenario_attempts a join users u on u.id = a.user_id join branches b on b.id = u.branch_id,
      json_each(a.state, '$.turns') t
    where a.scenario_slug = ${slug} and ${inScope(scope)}
    group by 1, 2`);
  return tuples<[string, string, number]>(rows).map(([stepId, choice, count]) => ({
    stepId: String(stepId),
    choice: String(choice),
    count: Number(count),
  }));
}
