import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { type Db, db as defaultDb } from "../client";
import { rateLimits } from "../schema";

export type RateLimit = { limit: number; windowMs: number };

/**
 * Counts one request against a fixed window and says whether it is allowed. One upsert statement,
 * so concurrent requests on any instance each count exactly once.
 */
export async function hitRateLimit({
  key,
  limit,
  windowMs,
  now = Date.now(),
  db = defaultDb,
}: RateLimit & { key: string; now?: number; db?: Db }): Promise<{ allowed: boolean; count: number }> {
  const expired = sql`${rateLimits.windowStartedAt} <= ${now - windowMs}`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStartedAt: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStartedAt: sql`case when ${expired} then ${now} else ${rateLimits.windowStartedAt} end`,
      },
    })
    .returning({ count: rateLimits.count });
  const count = row?.count ?? limit + 1;
  return { allowed: count <= limit, count };
}

/**
 * Takes back one request counted in the current window (an attempt that turned out to be fine);
 * nothing when the window has started over since.
 */
export async function refundRateLimit({
  key,
  windowMs,
  now = Date.now(),
  db = defaultDb,
}: Pick<RateLimit, "windowMs"> & { key: string; now?: number; db?: Db }) {
  await db
    .update(rateLimits)
    .set({ count: sql`${rateLimits.count} - 1` })
    .where(
      and(eq(rateLimits.key, key), gt(rateLimits.count, 0), gt(rateLimits.windowStartedAt, now - windowMs)),
    );
}
