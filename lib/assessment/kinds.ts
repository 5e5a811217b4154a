/**
 * What a server-held attempt is: a chapter's knowledge check, a certification exam, or a learner's
 * daily review of questions they got wrong. The schema's `assessment_attempts.kind`.
 */
export const ATTEMPT_KINDS = ["check", "exam", "review"] as const;
export type AttemptKind = (typeof ATTEMPT_KINDS)[number];

/**
 * How an attempt closed: the learner submitted it; its deadline passed (an exam, closed with what
 * was saved); or every question of a daily review was answered.
 */
export const CLOSE_REASONS = ["submitted", "deadline", "answered"] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** The subject of every daily review attempt: one open review per learner at a time. */
export const DAILY_REVIEW = "daily";
