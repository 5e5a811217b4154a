// The policy allows 3 attempts of a chapter a Beijing day, which a benchmark's learners use up in
// seconds. Every second this moves their closed attempts a day back, so the daily limit never
// refuses them while the policy's reads and the guard in the start's write still run. A bench's
// own small write on the side (one indexed UPDATE a second), on a connection of its own with a
// 10 ms busy timeout: a longer SQLite wait for the server's write lock would sleep the bench's whole
// process and add that sleep to every request it is timing, so a busy update tries again on a timer.
import { createClient } from "@libsql/client";
import { lockedByOther } from "@/db/group-commit";

/** Starts ageing the closed attempts of `userIds` in the database at `url`; returns the function that stops it. */
export function ageAttempts(url: string, userIds: string[]): () => void {
  const db = createClient({ url, timeout: 10 });
  const ids = JSON.stringify(userIds);
  let running = false;
  const age = async () => {
    for (;;) {
      try {
        // In a transaction begun IMMEDIATE: a busy refusal then comes from BEGIN, before any lock is
        // taken, or inside the transaction, which the client rolls back. (A bare statement refused
        // after it took the lock would keep holding it until the statement is garbage-collected.)
        return await db.batch(
          [
            {
              sql: `update assessment_attempts set started_at = started_at - 86400000, closed_at = closed_at - 86400000
                where closed_at is not null and closed_at > ? and user_id in (select value from json_each(?))`,
              args: [Date.now() - 86_400_000, ids],
            },
          ],
          "write",
        );
      } catch (e) {
        if (!lockedByOther(e)) throw e;
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  };
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    age()
      .catch((e) => console.error(`ageing attempts: ${e}`))
      .finally(() => {
        running = false;
      });
  }, 1000);
  return () => {
    clearInterval(timer);
    db.close();
  };
}
