import "server-only";
import { sql } from "drizzle-orm";
import type { ChoiceCount } from "../../lib/reports/item-analysis";
import { type Db, db as defaultDb } from "../client";
import { subtreeOf } from "../sql/subtree";
import { tuples } from "./rows";

const inScope = (scope: string) => subtreeOf(scope, sql`b.path`);

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
