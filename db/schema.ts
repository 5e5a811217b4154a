import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  blob,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import type { AttemptItem } from "../lib/assessment/attempt-items";
import { ATTEMPT_KINDS, CLOSE_REASONS } from "../lib/assessment/kinds";
import type { ScoredItem } from "../lib/assessment/score";
import { TOKEN_PURPOSES } from "../lib/auth/one-time-token";
import { ROLES } from "../lib/auth/roles";
import { CERTIFICATE_KINDS } from "../lib/certification/rules";
import { CONTENT_KINDS } from "../lib/content/sources";
import { LOCALES } from "../lib/i18n/locales";
import { NOTIFICATION_KINDS } from "../lib/notifications/kinds";
import { APPEAL_STATUSES } from "../lib/scenario/appeal-state";
import type { PlayState, Scores } from "../lib/scenario/engine";
import { ASSIGNMENT_ITEMS, ASSIGNMENT_SOURCES } from "../lib/training/assignment-status";
import type { Statement } from "../lib/xapi/types";

const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());
const createdAt = () => integer("created_at", { mode: "timestamp" }).notNull().default(sql`(unixepoch())`);

/** The organisation tree. `path` is the chain of ids from the root, "/root/child/…/self/", so a subtree is a prefix match. */
export const branches = sqliteTable(
  "branches",
  {
    id: id(),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    nameEn: text("name_en").notNull(),
    parentId: text("parent_id").references((): AnySQLiteColumn => branches.id),
    path: text("path").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index("branches_parent_idx").on(t.parentId), index("branches_path_idx").on(t.path)],
);
export type Branch = typeof branches.$inferSelect;
export type NewBranch = typeof branches.$inferInsert;

export const users = sqliteTable(
  "users",
  {
    id: id(),
    employeeNo: text("employee_no").notNull().unique(),
    name: text("name").notNull(),
    email: text("email"),
    role: text("role", { enum: ROLES }).notNull().default("learner"),
    branchId: text("branch_id")
      .notNull()
      .references(() => branches.id),
    hireDate: text("hire_date").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    locale: text("locale", { enum: LOCALES }).notNull().default("zh-CN"),
    passwordHash: text("password_hash"),
    /** When the password was last set; with PASSWORD_MAX_AGE_DAYS it must be replaced after that many days. */
    passwordChangedAt: integer("password_changed_at", { mode: "timestamp" }),
    /** Bumped on deactivation, role change or forced sign-out; a session carrying an older value is rejected. */
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index("users_branch_idx").on(t.branchId), index("users_email_idx").on(t.email)],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** Failed sign-ins per employee number, kept in the database so every app instance sees the same count. */
export const loginThrottle = sqliteTable("login_throttle", {
  employeeNo: text("employee_no").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: integer("window_started_at").notNull(),
  lockedUntil: integer("locked_until"),
});
export type LoginThrottle = typeof loginThrottle.$inferSelect;

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: id(),
    /** Who acted; null for the system and for someone not signed in (then `actorAddress` says from where). */
    actorId: text("actor_id").references(() => users.id),
    /** The client address of a request made without a session (a failed sign-in), or with one (sign-in). */
    actorAddress: text("actor_address"),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_created_idx").on(t.createdAt),
    index("audit_action_idx").on(t.action),
    index("audit_actor_idx").on(t.actorId),
    index("audit_target_idx").on(t.targetType, t.targetId),
  ],
);
export type AuditEntry = typeof auditLog.$inferSelect;

/**
 * One run of `npm run audit:archive`: the entries older than `cutoff` it wrote to a signed file and
 * removed. Append-only like the log. The delete trigger on audit_log lets a row go only while a
 * permit for an archive covering it exists (written and removed inside the archive's own batch)
 * and only when the row is older than 180 days by the database's clock (migration 0007).
 */
export const auditArchives = sqliteTable("audit_archives", {
  id: id(),
  createdAt: createdAt(),
  cutoff: integer("cutoff", { mode: "timestamp" }).notNull(),
  entries: integer("entries").notNull(),
  firstAt: integer("first_at", { mode: "timestamp" }),
  lastAt: integer("last_at", { mode: "timestamp" }),
  /** The JSON Lines file's name, its SHA-256, and the Ed25519 signature of its manifest. */
  file: text("file").notNull(),
  sha256: text("sha256").notNull(),
  signature: text("signature").notNull(),
  keyFingerprint: text("key_fingerprint").notNull(),
});
export type AuditArchive = typeof auditArchives.$inferSelect;

/** Exists only inside an archive's batch: the one thing that lets the delete trigger pass. */
export const auditArchivePermits = sqliteTable("audit_archive_permits", {
  archiveId: text("archive_id")
    .primaryKey()
    .references(() => auditArchives.id),
});

/** Settings admins change in the app (each change audited), e.g. whether managers need a second factor. */
export const appSettings = sqliteTable("app_settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
  updatedBy: text("updated_by").references(() => users.id),
});

/**
 * A person's authenticator app (TOTP). The secret is sealed with a key the database does not hold
 * (lib/auth/secret-box.ts); `lastStep` is the time step of the last code accepted, and only later
 * ones are, so a code works once.
 */
export const secondFactors = sqliteTable("second_factors", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id),
  secretSealed: text("secret_sealed").notNull(),
  enrolledAt: integer("enrolled_at", { mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
  lastStep: integer("last_step").notNull().default(0),
});

/** One-time recovery codes: only their keyed hash (lib/auth/recovery-codes.ts). */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    codeHash: text("code_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    usedAt: integer("used_at", { mode: "timestamp" }),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/**
 * The step between a passed first factor (password or single sign-on) and the session: no session
 * exists until the code is verified here. The browser holds the token in an httpOnly cookie; only
 * its SHA-256 is stored. A person not yet enrolled gets the secret their app is being set up with.
 */
export const signInChallenges = sqliteTable(
  "sign_in_challenges",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    /** The user's session_version when the first factor passed; a change since voids the step. */
    sessionVersion: integer("session_version").notNull(),
    /** How the first factor was passed: "credentials", "oidc", … */
    provider: text("provider").notNull(),
    address: text("address"),
    enrolSecretSealed: text("enrol_secret_sealed"),
    attempts: integer("attempts").notNull().default(0),
    /** Set when an enrolment was confirmed with a code: the session may then be issued without another. */
    verifiedAt: integer("verified_at", { mode: "timestamp_ms" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("sign_in_challenges_user_idx").on(t.userId),
    index("sign_in_challenges_expiry_idx").on(t.expiresAt),
  ],
);

/** Furthest section a learner has reached in a chapter, so reading resumes on any device. */
export const readingProgress = sqliteTable(
  "reading_progress",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    moduleSlug: text("module_slug").notNull(),
    sectionIndex: integer("section_index").notNull().default(0),
    sectionId: text("section_id").notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
  },
  (t) => [primaryKey({ columns: [t.userId, t.moduleSlug] })],
);
export type ReadingProgress = typeof readingProgress.$inferSelect;

/** One knowledge-check submission. The id is generated by the client, which makes a retried submission idempotent. */
export const checkAttempts = sqliteTable(
  "check_attempts",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    moduleSlug: text("module_slug").notNull(),
    contentVersion: text("content_version").notNull(),
    locale: text("locale", { enum: LOCALES }).notNull(),
    answers: text("answers", { mode: "json" }).notNull().$type<Record<string, string[]>>(),
    score: real("score").notNull(),
    maxScore: integer("max_score").notNull(),
    percent: integer("percent").notNull(),
    passed: integer("passed", { mode: "boolean" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("check_attempts_user_module_idx").on(t.userId, t.moduleSlug, t.percent)],
);
export type CheckAttempt = typeof checkAttempts.$inferSelect;
export type NewCheckAttempt = typeof checkAttempts.$inferInsert;

/**
 * One play of a role-play scenario. The server holds the state (current step, turns, mood) so the
 * browser cannot skip, replay or re-time a step; `version` guards each update.
 */
export const scenarioAttempts = sqliteTable(
  "scenario_attempts",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    scenarioSlug: text("scenario_slug").notNull(),
    contentVersion: text("content_version").notNull(),
    locale: text("locale", { enum: LOCALES }).notNull(),
    state: text("state", { mode: "json" }).notNull().$type<PlayState>(),
    stepStartedAt: integer("step_started_at").notNull(),
    extendedTime: integer("extended_time", { mode: "boolean" }).notNull().default(false),
    version: integer("version").notNull().default(0),
    status: text("status", { enum: ["active", "completed"] })
      .notNull()
      .default("active"),
    score: real("score"),
    maxScore: integer("max_score"),
    percent: integer("percent"),
    passed: integer("passed", { mode: "boolean" }),
    outcome: text("outcome"),
    createdAt: createdAt(),
    completedAt: integer("completed_at", { mode: "timestamp" }),
  },
  (t) => [index("scenario_attempts_user_idx").on(t.userId, t.scenarioSlug, t.percent)],
);
export type ScenarioAttempt = typeof scenarioAttempts.$inferSelect;

/** Per-competency score of a completed scenario attempt, for results and reports. */
export const scenarioScores = sqliteTable(
  "scenario_scores",
  {
    attemptId: text("attempt_id")
      .notNull()
      .references(() => scenarioAttempts.id),
    competency: text("competency").notNull(),
    score: real("score").notNull(),
    maxScore: integer("max_score").notNull(),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.competency] })],
);
export type ScenarioScore = typeof scenarioScores.$inferSelect;

/**
 * A learner's appeal against the grade of one free-text answer (PIPL art. 24): once per answer,
 * then a trainer's decision. While it is contested the attempt counts towards a certificate at
 * `floorPercent`, what it keeps even if every contested answer earned its rubric's minimum.
 */
export const scenarioAppeals = sqliteTable(
  "scenario_appeals",
  {
    id: id(),
    attemptId: text("attempt_id")
      .notNull()
      .references(() => scenarioAttempts.id),
    stepId: text("step_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    comment: text("comment").notNull(),
    status: text("status", { enum: APPEAL_STATUSES }).notNull().default("contested"),
    floorPercent: integer("floor_percent").notNull(),
    /** The answer's points when it was contested, and as the trainer decided. */
    pointsBefore: text("points_before", { mode: "json" }).notNull().$type<Scores>(),
    pointsAfter: text("points_after", { mode: "json" }).$type<Scores>(),
    decidedBy: text("decided_by").references(() => users.id),
    reason: text("reason"),
    createdAt: createdAt(),
    decidedAt: integer("decided_at", { mode: "timestamp" }),
  },
  (t) => [
    uniqueIndex("scenario_appeals_answer_uq").on(t.attemptId, t.stepId),
    index("scenario_appeals_status_idx").on(t.status, t.createdAt),
    index("scenario_appeals_user_idx").on(t.userId),
  ],
);
export type ScenarioAppeal = typeof scenarioAppeals.$inferSelect;
export type NewScenarioAppeal = typeof scenarioAppeals.$inferInsert;

/**
 * One certification cycle of one person. A renewal is a new row with the next cycle, so the history
 * stays; the unique (user, certification, cycle) index stops two concurrent submissions issuing twice.
 */
export const certificates = sqliteTable(
  "certificates",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    certificationId: text("certification_id").notNull(),
    cycle: integer("cycle").notNull(),
    kind: text("kind", { enum: CERTIFICATE_KINDS }).notNull(),
    code: text("code").notNull().unique(),
    issuedAt: integer("issued_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    /** The best scores that earned it, e.g. { "scenario:complaint": 86 }. */
    snapshot: text("snapshot", { mode: "json" }).notNull().$type<Record<string, number>>(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    revokedBy: text("revoked_by").references(() => users.id),
    revokeReason: text("revoke_reason"),
  },
  (t) => [
    uniqueIndex("certificates_cycle_uq").on(t.userId, t.certificationId, t.cycle),
    index("certificates_expiry_idx").on(t.expiresAt),
  ],
);
export type CertificateRow = typeof certificates.$inferSelect;

/** Training someone must finish by a date. Completion is derived from results, never ticked by hand. */
export const assignments = sqliteTable(
  "assignments",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    itemType: text("item_type", { enum: ASSIGNMENT_ITEMS }).notNull(),
    itemSlug: text("item_slug").notNull(),
    /** A calendar date in the bank's time zone, "YYYY-MM-DD"; overdue from the day after. */
    dueDate: text("due_date").notNull(),
    source: text("source", { enum: ASSIGNMENT_SOURCES }).notNull(),
    assignedBy: text("assigned_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("assignments_item_uq").on(t.userId, t.itemType, t.itemSlug),
    index("assignments_due_idx").on(t.dueDate),
    index("assignments_user_due_idx").on(t.userId, t.itemType, t.dueDate, t.itemSlug),
  ],
);
export type Assignment = typeof assignments.$inferSelect;
export type NewAssignment = typeof assignments.$inferInsert;

/**
 * In-app notifications, also the outbox for e-mail. `dedupeKey` names the event (e.g.
 * "due-soon:<assignment>:<due date>"), so producing reminders twice stores and sends one.
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    payload: text("payload", { mode: "json" }).notNull().$type<Record<string, string>>(),
    createdAt: createdAt(),
    readAt: integer("read_at", { mode: "timestamp" }),
    /** Set when a mail run claims it, before sending, so two runs never send the same message. */
    emailClaimedAt: integer("email_claimed_at", { mode: "timestamp" }),
    emailedAt: integer("emailed_at", { mode: "timestamp" }),
  },
  (t) => [
    uniqueIndex("notifications_dedupe_uq").on(t.userId, t.dedupeKey),
    index("notifications_user_idx").on(t.userId, t.createdAt),
  ],
);
export type Notification = typeof notifications.$inferSelect;

/** Fixed-window request counters (e.g. "verify:<ip>"), in the database so every instance shares them. */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStartedAt: integer("window_started_at").notNull(),
  count: integer("count").notNull(),
});

/**
 * An uploaded employee file between its dry run and the admin's decision. The bytes are kept so the
 * import re-parses exactly what was previewed; nothing from the browser is trusted on confirm.
 */
export const importUploads = sqliteTable(
  "import_uploads",
  {
    id: id(),
    actorId: text("actor_id")
      .notNull()
      .references(() => users.id),
    fileName: text("file_name").notNull(),
    sha256: text("sha256").notNull(),
    content: blob("content", { mode: "buffer" }).notNull(),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp" }).notNull(),
    /** Set once when the import runs, so a double submit imports once. */
    importedAt: integer("imported_at", { mode: "timestamp" }),
  },
  (t) => [index("import_uploads_expiry_idx").on(t.expiresAt)],
);
export type ImportUpload = typeof importUploads.$inferSelect;

/**
 * One-time links to set a password: for a new account (invite) or after an admin reset. Only the
 * sha256 of the token is stored; a link works once and until `expiresAt`.
 */
export const passwordTokens = sqliteTable(
  "password_tokens",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    tokenHash: text("token_hash").notNull().unique(),
    purpose: text("purpose", { enum: TOKEN_PURPOSES }).notNull(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp" }),
  },
  (t) => [index("password_tokens_user_idx").on(t.userId)],
);
export type PasswordToken = typeof passwordTokens.$inferSelect;
export const STAT_KINDS = ["chapter", "scenario", "competency"] as const;

/**
 * Reports' summary of each person's results, one row per chapter, scenario and scenario competency
 * ("greeting:courtesy") they have results for: whether any attempt passed, the best percentage and the
 * number of attempts. For a competency, `bestPercent` is its percentage in the best completed attempt
 * of the scenario. Recomputed from the attempts in the same batch as every submission and review
 * (db/queries/report-stats.ts), so reports read one small indexed row per person and item.
 */
export const learnerItemStats = sqliteTable(
  "learner_item_stats",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    itemType: text("item_type", { enum: STAT_KINDS }).notNull(),
    itemSlug: text("item_slug").notNull(),
    passed: integer("passed", { mode: "boolean" }).notNull().default(false),
    bestPercent: real("best_percent"),
    attempts: integer("attempts").notNull().default(0),
    /** Passed only before the item's latest major revision: must study it again ("需重新学习"). */
    relearn: integer("relearn", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.itemType, t.itemSlug] }),
    index("learner_item_stats_cover_idx").on(t.userId, t.itemType, t.itemSlug, t.passed, t.bestPercent),
  ],
);
export type LearnerItemStat = typeof learnerItemStats.$inferSelect;

/**
 * The reports' per-branch totals over its active learners. Kept by triggers (migration
 * 0010_report_deltas): every change to a learner_item_stats row, an assignment or a person's branch,
 * role or active flag adds its difference to the branch's rows in the same transaction, so the cost
 * of a write does not grow with the branch. `key` is "learners" (how many, in `people`),
 * "chapter:<slug>", "scenario:<slug>" or "competency:<scenario>:<competency>" (people with a result,
 * how many passed, the sum of their best percentages), "open:<due date>" (chapter and role-play
 * assignments due that day and not completed, in `people`) or "cert:<due date>" (certification
 * assignments due that day, in `people`; whether they are held is read live).
 */
export const branchReportStats = sqliteTable(
  "branch_report_stats",
  {
    branchId: text("branch_id")
      .notNull()
      .references(() => branches.id),
    key: text("key").notNull(),
    people: integer("people").notNull(),
    passed: integer("passed").notNull(),
    percentSum: real("percent_sum").notNull(),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.key] })],
);

/** A module or scenario trainers can edit. Shipped ones are imported from content/ on first run. */
export const contentItems = sqliteTable(
  "content_items",
  {
    kind: text("kind", { enum: CONTENT_KINDS }).notNull(),
    slug: text("slug").notNull(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.slug] })],
);
export type ContentItem = typeof contentItems.$inferSelect;

/**
 * The working copy of an item, one per item and shared by its trainers. `version` guards saves so
 * one trainer cannot silently overwrite another's changes.
 */
export const contentDrafts = sqliteTable(
  "content_drafts",
  {
    kind: text("kind", { enum: CONTENT_KINDS }).notNull(),
    slug: text("slug").notNull(),
    sourceZh: text("source_zh").notNull(),
    sourceEn: text("source_en"),
    version: integer("version").notNull().default(1),
    updatedBy: text("updated_by").references(() => users.id),
    updatedAt: integer("updated_at", { mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
  },
  (t) => [primaryKey({ columns: [t.kind, t.slug] })],
);
export type ContentDraft = typeof contentDrafts.$inferSelect;

/**
 * Published revisions: immutable (triggers refuse UPDATE and DELETE). Learners see the highest
 * `number` of each item; a rollback publishes an earlier revision's text as a new number.
 */
export const contentRevisions = sqliteTable(
  "content_revisions",
  {
    id: id(),
    kind: text("kind", { enum: CONTENT_KINDS }).notNull(),
    slug: text("slug").notNull(),
    number: integer("number").notNull(),
    sourceZh: text("source_zh").notNull(),
    sourceEn: text("source_en"),
    note: text("note").notNull(),
    major: integer("major", { mode: "boolean" }).notNull().default(false),
    rollbackOf: integer("rollback_of"),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("content_revisions_item_number_unique").on(t.kind, t.slug, t.number),
    index("content_revisions_major_idx").on(t.kind, t.slug, t.major, t.createdAt),
  ],
);
export type ContentRevision = typeof contentRevisions.$inferSelect;

/**
 * xAPI statements for the learning record store (lib/xapi builds them). Each is inserted in the
 * batch of the event it records, under its deterministic statement id (so a retried event stores
 * it once), and stays until an LRS has acknowledged it: `npm run xapi:forward` claims the oldest
 * unsent ones in `seq` order, sends them and marks them sent, or records the failure and when to
 * try again. Sent rows are pruned after 30 days.
 */
export const xapiOutbox = sqliteTable(
  "xapi_outbox",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    id: text("id").notNull().unique(),
    statement: text("statement", { mode: "json" }).notNull().$type<Statement>(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    /** The forwarder run holding it while it is being sent; a claim older than 5 minutes is void. */
    claimedBy: text("claimed_by"),
    claimedAt: integer("claimed_at", { mode: "timestamp_ms" }),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("xapi_outbox_queue_idx").on(t.seq).where(sql`sent_at is null`),
    index("xapi_outbox_claim_idx").on(t.claimedAt).where(sql`sent_at is null`),
    index("xapi_outbox_sent_idx").on(t.sentAt).where(sql`sent_at is not null`),
  ],
);
export type XapiOutboxRow = typeof xapiOutbox.$inferSelect;

/**
 * The forwarder's state, one row: when the LRS last acknowledged a send, the last error, and how
 * long the whole queue waits after consecutive failures (exponential backoff, so statements
 * still go in order once the LRS is back).
 */
export const xapiForwarder = sqliteTable("xapi_forwarder", {
  id: text("id").primaryKey(),
  failures: integer("failures").notNull().default(0),
  pausedUntil: integer("paused_until", { mode: "timestamp_ms" }),
  lastSuccessAt: integer("last_success_at", { mode: "timestamp_ms" }),
  lastErrorAt: integer("last_error_at", { mode: "timestamp_ms" }),
  lastError: text("last_error"),
});

/**
 * A server-held assessment attempt: a knowledge check, a certification exam or a daily review.
 * It holds the drawn questions with their options in the learner's order under per-attempt tokens
 * (`items`, derived from `seed`, which never leaves the server), pinned to the revisions it was
 * drawn from; the answers saved so far; the deadline; and, once closed, the score and per-question
 * results. A closed check also has a `check_attempts` row with the same id, so every report,
 * standing and certification query reads it as before. One open attempt per learner, kind and
 * subject (the partial unique index).
 */
export const assessmentAttempts = sqliteTable(
  "assessment_attempts",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: ATTEMPT_KINDS }).notNull(),
    /** The chapter slug (check), the certification id (exam) or "daily" (review). */
    subject: text("subject").notNull(),
    locale: text("locale", { enum: LOCALES }).notNull(),
    /** Chapter slug → the revision id its questions come from. */
    revisions: text("revisions", { mode: "json" }).notNull().$type<Record<string, string>>(),
    seed: text("seed").notNull(),
    items: text("items", { mode: "json" }).notNull().$type<AttemptItem[]>(),
    /** The pass mark it is scored against (none for a review). */
    passScore: integer("pass_score"),
    /** Option ids by item key, as saved so far (replaced whole by each save). */
    saved: text("saved", { mode: "json" }).notNull().$type<Record<string, string[]>>(),
    savedAt: integer("saved_at", { mode: "timestamp_ms" }),
    startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
    deadlineAt: integer("deadline_at", { mode: "timestamp_ms" }),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    closeReason: text("close_reason", { enum: CLOSE_REASONS }),
    /** Written by the close that won; the rest of its batch runs only where this is its own. */
    closeId: text("close_id"),
    /** The learner's branch when it closed: whose item statistics it counts in. */
    branchId: text("branch_id").references(() => branches.id),
    score: real("score"),
    maxScore: integer("max_score"),
    percent: integer("percent"),
    passed: integer("passed", { mode: "boolean" }),
    results: text("results", { mode: "json" }).$type<ScoredItem[]>(),
  },
  (t) => [
    uniqueIndex("assessment_attempts_open_uq").on(t.userId, t.kind, t.subject).where(sql`closed_at is null`),
    index("assessment_attempts_user_idx").on(t.userId, t.kind, t.subject, t.startedAt),
  ],
);
export type AssessmentAttempt = typeof assessmentAttempts.$inferSelect;
export type NewAssessmentAttempt = typeof assessmentAttempts.$inferInsert;

/**
 * A learner's review queue (错题本): each question they got wrong in a check or the exam, in a
 * Leitner box (1–4) and due from `dueAt`. `mistakeAt` is its latest mistake in a check or the
 * exam, which retention is measured from.
 */
export const reviewCards = sqliteTable(
  "review_cards",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    slug: text("slug").notNull(),
    questionId: text("question_id").notNull(),
    box: integer("box").notNull(),
    dueAt: integer("due_at", { mode: "timestamp_ms" }).notNull(),
    mistakeAt: integer("mistake_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.slug, t.questionId] }),
    index("review_cards_due_idx").on(t.userId, t.dueAt),
  ],
);
export type ReviewCardRow = typeof reviewCards.$inferSelect;

/** One answer in a daily review: counts for nothing but the learner's queue and the review reports. */
export const reviewAnswers = sqliteTable(
  "review_answers",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    attemptId: text("attempt_id")
      .notNull()
      .references(() => assessmentAttempts.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    slug: text("slug").notNull(),
    questionId: text("question_id").notNull(),
    right: integer("right", { mode: "boolean" }).notNull(),
    /** The card's box when it was answered. */
    box: integer("box").notNull(),
    /** The mistake that put the question in the queue (the card's `mistakeAt`). */
    mistakeAt: integer("mistake_at", { mode: "timestamp_ms" }).notNull(),
    answeredAt: integer("answered_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("review_answers_question_uq").on(t.attemptId, t.slug, t.questionId),
    index("review_answers_user_idx").on(t.userId, t.answeredAt),
  ],
);
export type ReviewAnswerRow = typeof reviewAnswers.$inferSelect;

/**
 * The running sums of each question's statistics per branch (the branch of the learner when the
 * attempt closed), over closed checks and exams: kept by deltas in each close batch and rebuilt
 * by db:seed (lib/reports/item-stats.ts has the maths).
 */
export const itemStats = sqliteTable(
  "item_stats",
  {
    slug: text("slug").notNull(),
    questionId: text("question_id").notNull(),
    branchId: text("branch_id")
      .notNull()
      .references(() => branches.id),
    drawn: integer("drawn").notNull(),
    correct: integer("correct").notNull(),
    sumPercent: real("sum_percent").notNull(),
    sumPercentSquared: real("sum_percent_squared").notNull(),
    sumPercentCorrect: real("sum_percent_correct").notNull(),
  },
  (t) => [primaryKey({ columns: [t.slug, t.questionId, t.branchId] })],
);

/** How often each option was picked, per question and branch, beside item_stats. */
export const itemOptionStats = sqliteTable(
  "item_option_stats",
  {
    slug: text("slug").notNull(),
    questionId: text("question_id").notNull(),
    optionId: text("option_id").notNull(),
    branchId: text("branch_id")
      .notNull()
      .references(() => branches.id),
    picks: integer("picks").notNull(),
  },
  (t) => [primaryKey({ columns: [t.slug, t.questionId, t.optionId, t.branchId] })],
);
