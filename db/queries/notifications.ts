import "server-only";
import { and, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, ne, or } from "drizzle-orm";
import type { NotificationDraft } from "../../lib/reminders/plan";
import { type Db, db as defaultDb } from "../client";
import { certificates, type Notification, notifications, users } from "../schema";
import { rowsAffected, writeBatch } from "../write";

/** Only notifications this recent are e-mailed, so a first mail run on an old database does not send history. */
export const EMAIL_CUTOFF_DAYS = 14;
/** A claim this old belongs to a mail run that crashed before sending; another run may take it over. */
export const STALE_CLAIM_MS = 60 * 60_000;
const ROWS_PER_INSERT = 500;
const INSERTS_PER_BATCH = 10;

/**
 * Stores notifications; one whose (user, dedupe key) already exists is skipped, so storing the same
 * drafts twice stores them once. Large sets go in several batches. Returns how many were new.
 */
export async function storeNotifications({
  drafts,
  now = new Date(),
  db = defaultDb,
}: {
  drafts: readonly NotificationDraft[];
  now?: Date;
  db?: Db;
}): Promise<number> {
  const inserts = [];
  for (let i = 0; i < drafts.length; i += ROWS_PER_INSERT) {
    const rows = drafts.slice(i, i + ROWS_PER_INSERT).map((d) => ({ ...d, createdAt: now }));
    inserts.push(
      db
        .insert(notifications)
        .values(rows)
        .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] }),
    );
  }
  let stored = 0;
  for (let i = 0; i < inserts.length; i += INSERTS_PER_BATCH) {
    const [first, ...rest] = inserts.slice(i, i + INSERTS_PER_BATCH);
    if (!first) break;
    const results = await writeBatch([first, ...rest], db);
    stored += results.reduce((n, r) => n + rowsAffected(r), 0);
  }
  return stored;
}

/** Someone's notifications, newest first: the latest `limit`, or a page of them from `offset`. */
export async function listNotifications({
  userId,
  limit = 20,
  offset = 0,
  db = defaultDb,
}: {
  userId: string;
  limit?: number;
  offset?: number;
  db?: Db;
}): Promise<Notification[]> {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit)
    .offset(offset);
}

/** How many notifications someone has, read and unread. */
export async function notificationCount({ userId, db = defaultDb }: { userId: string; db?: Db }) {
  return db.$count(notifications, eq(notifications.userId, userId));
}

export async function unreadCount({ userId, db = defaultDb }: { userId: string; db?: Db }): Promise<number> {
  return db.$count(notifications, and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}

/** Marks all of one person's notifications read; returns how many were unread. */
export async function markAllRead({
  userId,
  now = new Date(),
  db = defaultDb,
}: {
  userId: string;
  now?: Date;
  db?: Db;
}): Promise<number> {
  const [updated] = await writeBatch(
    [
      db
        .update(notifications)
        .set({ readAt: now })
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))),
    ],
    db,
  );
  return rowsAffected(updated);
}

/**
 * Marks one of the person's own notifications read. Returns false when they have none with that id
 * (someone else's included); marking an already read one again is fine and keeps its first time.
 */
export async function markOneRead({
  userId,
  id,
  now = new Date(),
  db = defaultDb,
}: {
  userId: string;
  id: string;
  now?: Date;
  db?: Db;
}): Promise<boolean> {
  const own = and(eq(notifications.id, id), eq(notifications.userId, userId));
  const [, found] = await writeBatch(
    [
      db
        .update(notifications)
        .set({ readAt: now })
        .where(and(own, isNull(notifications.readAt))),
      db.select({ id: notifications.id }).from(notifications).where(own),
    ],
    db,
  );
  return found.length > 0;
}

export type ClaimedEmail = Pick<Notification, "id" | "userId" | "kind" | "payload" | "createdAt"> & {
  email: string;
  name: string;
  locale: "zh-CN" | "en";
};

/**
 * Claims up to `limit` notifications to e-mail: recent, not sent, not claimed (or claimed by a run
 * that died over an hour ago), for active people with an address. The claim is one guarded UPDATE,
 * so two concurrent mail runs never get the same one.
 */
export async function claimUnsentEmails({
  limit,
  now = new Date(),
  db = defaultDb,
}: {
  limit: number;
  now?: Date;
  db?: Db;
}): Promise<ClaimedEmail[]> {
  const cutoff = new Date(now.getTime() - EMAIL_CUTOFF_DAYS * 86_400_000);
  const unclaimed = or(
    isNull(notifications.emailClaimedAt),
    lt(notifications.emailClaimedAt, new Date(now.getTime() - STALE_CLAIM_MS)),
  );
  const candidates = db
    .select({ id: notifications.id })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(
      and(
        unclaimed,
        isNull(notifications.emailedAt),
        gte(notifications.createdAt, cutoff),
        eq(users.active, true),
        isNotNull(users.email),
        ne(users.email, ""),
      ),
    )
    .orderBy(notifications.createdAt, notifications.id)
    .limit(limit);
  const claimed = await writeBatch(
    [
      db
        .update(notifications)
        .set({ emailClaimedAt: now })
        .where(and(inArray(notifications.id, candidates), unclaimed))
        .returning({
          id: notifications.id,
          userId: notifications.userId,
          kind: notifications.kind,
          payload: notifications.payload,
          createdAt: notifications.createdAt,
        }),
    ],
    db,
  ).then(([rows]) => rows);
  if (claimed.length === 0) return [];
  const people = await db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(
      inArray(
        users.id,
        claimed.map((c) => c.userId),
      ),
    );
  const byId = new Map(people.map((p) => [p.id, p]));
  return claimed.flatMap((c) => {
    const person = byId.get(c.userId);
    return person?.email ? [{ ...c, email: person.email, name: person.name, locale: person.locale }] : [];
  });
}

export async function markEmailed({
  ids,
  now = new Date(),
  db = defaultDb,
}: {
  ids: readonly string[];
  now?: Date;
  db?: Db;
}): Promise<void> {
  if (ids.length === 0) return;
  await writeBatch(
    [
      db
        .update(notifications)
        .set({ emailedAt: now })
        .where(inArray(notifications.id, [...ids])),
    ],
    db,
  );
}

/** Gives claimed but unsent notifications back, so the next mail run tries them again. */
export async function releaseEmailClaims({ ids, db = defaultDb }: { ids: readonly string[]; db?: Db }) {
  if (ids.length === 0) return;
  await writeBatch(
    [
      db
        .update(notifications)
        .set({ emailClaimedAt: null })
        .where(and(inArray(notifications.id, [...ids]), isNull(notifications.emailedAt))),
    ],
    db,
  );
}

/**
 * Every certificate of the people who hold one that has not expired at `now`: what the reminder
 * plan needs to find certificates in their renewal window and to tell a renewed one by its later cycle.
 */
export async function listLiveCertificates({
  now = new Date(),
  db = defaultDb,
}: {
  now?: Date;
  db?: Db;
} = {}) {
  return db
    .select({
      id: certificates.id,
      userId: certificates.userId,
      certificationId: certificates.certificationId,
      cycle: certificates.cycle,
      code: certificates.code,
      issuedAt: certificates.issuedAt,
      expiresAt: certificates.expiresAt,
      revokedAt: certificates.revokedAt,
    })
    .from(certificates)
    .innerJoin(users, eq(users.id, certificates.userId))
    .where(and(gt(certificates.expiresAt, now), eq(users.active, true)));
}
