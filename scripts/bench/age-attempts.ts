// The policy allows 3 attempts of a chapter a Beijing day, which a benchmark's learners use up in
// seconds. Every second this moves their closed attempts a day back, so the daily limit never
// refuses them while the policy's reads and the guard in the start's write still run. A bench's
// own small write on the side (one indexed UPDATE a second), on its own connection.
import type { Client } from "@libsql/client";

/** Starts ageing the closed attempts of `userIds` on `db`; returns the function that stops it. */
export function ageAttempts(db: Client, userIds: string[]): () => void {
  const ids = JSON.stringify(userIds);
  const timer = setInterval(() => {
    db.execute({
      sql: `update assessment_attempts set started_at = started_at - 86400000, closed_at = closed_at - 86400000
        where closed_at is not null and closed_at > ? and user_id in (select value from json_each(?))`,
      args: [Date.now() - 86_400_000, ids],
    }).catch((e) => console.error(`ageing attempts: ${e}`));
  }, 1000);
  return () => clearInterval(timer);
}
