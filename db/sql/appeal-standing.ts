import { type SQL, sql } from "drizzle-orm";
import { scenarioAppeals, scenarioAttempts } from "../schema";

/**
 * The "pending appeal" rule: a completed role-play counts towards a certificate at the percent it
 * keeps whatever the trainer decides. While any of its answers is contested that is the floor
 * stored with the appeal (each contested answer at its rubric's minimum), else its percent; so a
 * certificate that depends on a contested grade waits for the decision, and one that does not is
 * issued as before. Read in the surrounding query's `scenario_attempts` row.
 */
export function standingPercent(): SQL<number | null> {
  // Qualified by hand: drizzle leaves a single-table query's columns unqualified, and inside the
  // subquery an unqualified "id" would be the appeal's.
  return sql<number | null>`min(${scenarioAttempts}.percent, coalesce((select min(a.floor_percent)
    from ${scenarioAppeals} a where a.attempt_id = ${scenarioAttempts}.id and a.status = 'contested'),
    ${scenarioAttempts}.percent))`;
}

/** True in a batch statement when the attempt's state is the one written by `writeId` (this batch's). */
export function writtenBy(attemptId: string, writeId: string): SQL {
  return sql`exists (select 1 from ${scenarioAttempts}
    where id = ${attemptId} and json_extract(state, '$.writeId') = ${writeId})`;
}
