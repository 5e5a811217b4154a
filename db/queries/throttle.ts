import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { checkThrottle, recordFailure, type ThrottleDecision } from "../../lib/auth/throttle";
import { db } from "../client";
import { loginThrottle } from "../schema";
import { rowsAffected, writeBatch } from "../write";

export async function getThrottleDecision({
  employeeNo,
  now,
}: {
  employeeNo: string;
  now: number;
}): Promise<ThrottleDecision> {
  const state = await db.query.loginThrottle.findFirst({ where: eq(loginThrottle.employeeNo, employeeNo) });
  return checkThrottle(state, now);
}

/**
 * Records a failed sign-in. The update is guarded by the state it was computed from, so two
 * concurrent failures cannot both count as one; on a lost race it re-reads and tries again.
 */
export async function recordLoginFailure({ employeeNo, now }: { employeeNo: string; now: number }) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const state = await db.query.loginThrottle.findFirst({ where: eq(loginThrottle.employeeNo, employeeNo) });
    const next = recordFailure(state, now);
    if (!state) {
      const [inserted] = await writeBatch([
        db
          .insert(loginThrottle)
          .values({ employeeNo, ...next })
          .onConflictDoNothing(),
      ]);
      if (rowsAffected(inserted) === 1) return next;
      continue;
    }
    const [updated] = await writeBatch([
      db
        .update(loginThrottle)
        .set(next)
        .where(
          and(
            eq(loginThrottle.employeeNo, employeeNo),
            eq(loginThrottle.failures, state.failures),
            eq(loginThrottle.windowStartedAt, state.windowStartedAt),
          ),
        ),
    ]);
    if (rowsAffected(updated) === 1) return next;
  }
  return undefined;
}

export async function clearLoginFailures({ employeeNo }: { employeeNo: string }) {
  await writeBatch([db.delete(loginThrottle).where(eq(loginThrottle.employeeNo, sql`${employeeNo}`))]);
}
