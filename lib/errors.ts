import en from "../messages/en.json" with { type: "json" };
import zh from "../messages/zh-CN.json" with { type: "json" };
import type { ActionError } from "./action-state";
import { DEFAULT_LOCALE, type Locale } from "./i18n/locales";

/**
 * The one error vocabulary (modelled on vercel/ai-chatbot's lib/errors.ts). A code is
 * "<type>:<surface>": the type decides the HTTP status, the surface says what the error is about,
 * and ERROR_MESSAGES names the text the caller reads, in messages/*.json under `errors`, in their
 * own language. Route handlers, the proxy and server actions all answer with these codes.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  length_required: 411,
  too_large: 413,
  unsupported: 415,
  unprocessable: 422,
  too_many: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ErrorType = keyof typeof ERROR_STATUS;

/** What an error is about: an area of the app, a part of a request, or a thing that was looked up. */
export type Surface =
  // who is asking
  | "session"
  | "origin"
  | "path"
  | "learn"
  | "author"
  | "reports"
  | "admin"
  | "my_data"
  // what was sent
  | "body"
  | "form"
  | "submission"
  | "answers"
  | "progress"
  | "section"
  | "play"
  | "replay"
  | "answer"
  | "answer_type"
  | "choice"
  | "text"
  | "draft"
  | "publish"
  | "rollback"
  | "rollback_latest"
  | "preview"
  | "due_date"
  | "assignee"
  | "appeal"
  | "appeal_comment"
  | "appeal_reason"
  | "review_points"
  | "try_answer"
  | "undrawn_question"
  | "missing_question"
  | "unknown_token"
  | "foreign_token"
  | "duplicate_pick"
  | "pick_count"
  // what was looked up or written
  | "chapter"
  | "scenario"
  | "content"
  | "revision"
  | "export"
  | "branch"
  | "person"
  | "certificate"
  | "notification"
  | "verify"
  | "assignment"
  | "assignment_item"
  | "import"
  | "attempt"
  | "attempt_closed"
  | "attempt_policy"
  | "deadline"
  | "exam"
  | "exam_eligibility"
  | "review_done"
  | "review_due"
  | "review_answered"
  | "content_version"
  | "step"
  | "scenario_version"
  | "draft_version"
  | "content_exists"
  | "write"
  | "content_limits"
  | "content_check"
  | "server";

type MessageKey = keyof typeof zh.errors & keyof typeof en.errors;

/** Every code there is, and the message it shows (`errors.<key>`). Nothing outside this table can be thrown. */
export const ERROR_MESSAGES = {
  "unauthorized:session": "signIn",
  "forbidden:origin": "crossOrigin",
  "forbidden:learn": "learnersOnly",
  "forbidden:author": "authorsOnly",
  "forbidden:reports": "managersOnly",
  "forbidden:admin": "adminsOnly",
  "forbidden:assignment": "outsideScope",
  "bad_request:path": "badPath",
  "forbidden:my_data": "ownDataOnly",
  "bad_request:body": "badBody",
  "length_required:body": "lengthRequired",
  "too_large:body": "bodyTooLarge",
  "unsupported:body": "notJson",
  "bad_request:form": "badForm",
  "bad_request:submission": "badSubmission",
  "bad_request:answers": "badAnswers",
  "bad_request:progress": "badProgress",
  "bad_request:section": "noSection",
  "bad_request:play": "badRequest",
  "bad_request:answer": "badAnswer",
  "bad_request:answer_type": "wrongAnswerType",
  "bad_request:choice": "noChoice",
  "bad_request:text": "emptyText",
  "bad_request:draft": "badDraft",
  "bad_request:publish": "badPublish",
  "bad_request:rollback": "badRollback",
  "bad_request:rollback_latest": "alreadyCurrent",
  "bad_request:preview": "badPreview",
  "bad_request:due_date": "pastDueDate",
  "bad_request:assignee": "notLearner",
  "bad_request:appeal": "notAppealable",
  "bad_request:appeal_comment": "appealComment",
  "bad_request:try_answer": "badTryAnswer",
  "bad_request:undrawn_question": "undrawnQuestion",
  "bad_request:missing_question": "missingQuestion",
  "bad_request:unknown_token": "unknownToken",
  "bad_request:foreign_token": "foreignToken",
  "bad_request:duplicate_pick": "duplicatePick",
  "bad_request:pick_count": "pickCount",
  "not_found:chapter": "noChapter",
  "not_found:scenario": "noScenario",
  "not_found:play": "noPlay",
  "not_found:content": "noContent",
  "not_found:revision": "noRevision",
  "not_found:export": "noExport",
  "not_found:branch": "noBranch",
  "not_found:person": "noPerson",
  "not_found:certificate": "noCertificate",
  "not_found:notification": "noNotification",
  "not_found:assignment_item": "noTrainingItem",
  "not_found:step": "noTextStep",
  "not_found:import": "uploadExpired",
  "not_found:attempt": "noAttempt",
  "not_found:exam": "noExam",
  "not_found:review_due": "nothingDue",
  "conflict:attempt": "submissionIdUsed",
  "conflict:attempt_closed": "attemptClosed",
  "conflict:attempt_policy": "attemptPolicy",
  "conflict:deadline": "pastDeadline",
  "conflict:exam_eligibility": "examNotOpen",
  "conflict:review_done": "reviewDone",
  "conflict:review_answered": "reviewAnswered",
  "conflict:content_version": "chapterUpdated",
  "conflict:play": "playEnded",
  "bad_request:replay": "badReplay",
  "conflict:step": "notCurrentStep",
  "conflict:scenario_version": "scenarioUpdated",
  "conflict:draft_version": "draftStale",
  "conflict:content_exists": "contentExists",
  "conflict:write": "writeConflict",
  "conflict:appeal": "alreadyContested",
  "unprocessable:draft": "draftHasErrors",
  "unprocessable:revision": "revisionInvalid",
  "too_many:verify": "verifyRateLimited",
  "unprocessable:review_points": "reviewPointsOutOfRange",
  "unprocessable:appeal_reason": "appealReasonRequired",
  "unavailable:chapter": "chapterUnavailable",
  "unavailable:content_check": "checkerBusy",
  "unavailable:write": "databaseBusy",
  "too_large:content": "contentTooLarge",
  "unprocessable:content_limits": "contentTooComplex",
  "internal:server": "server",
} as const satisfies Partial<Record<`${ErrorType}:${Surface}`, MessageKey>>;
export type ErrorCode = keyof typeof ERROR_MESSAGES;

/**
 * Where an error's own message and detail may go: to the caller, or only to the server log (the
 * caller gets the generic "errors.server" text). Everything not listed here is "response".
 */
export type Visibility = "response" | "log";
const LOGGED: ReadonlySet<Surface> = new Set<Surface>(["server"]);

const TEXTS: Record<Locale, Record<MessageKey, string>> = { "zh-CN": zh.errors, en: en.errors };

/** The text of a code in a language. */
export function errorMessage(code: ErrorCode, locale: Locale = DEFAULT_LOCALE): string {
  return TEXTS[locale][ERROR_MESSAGES[code]];
}

export class AppError extends Error {
  readonly type: ErrorType;
  readonly surface: Surface;
  readonly status: number;

  /**
   * @param detail for the log, and for the caller when visible (e.g. which answer does not fit)
   * @param extra fields the response body carries besides code and message (e.g. `issues`)
   */
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    const [type, surface] = code.split(":") as [ErrorType, Surface];
    this.type = type;
    this.surface = surface;
    this.status = ERROR_STATUS[type];
  }

  get visibility(): Visibility {
    return LOGGED.has(this.surface) ? "log" : "response";
  }

  /** The JSON body: `{ code, message, detail?, ...extra }`, the message in the caller's language. */
  toBody(locale: Locale = DEFAULT_LOCALE) {
    if (this.visibility === "log")
      return { code: this.code, message: errorMessage("internal:server", locale) };
    return {
      code: this.code,
      message: errorMessage(this.code, locale),
      ...(this.detail ? { detail: this.detail } : {}),
      ...this.extra,
    };
  }

  toResponse(locale: Locale = DEFAULT_LOCALE): Response {
    if (this.visibility === "log") console.error(this);
    return Response.json(this.toBody(locale), { status: this.status });
  }

  toResult(locale: Locale = DEFAULT_LOCALE): ActionError {
    if (this.visibility === "log") console.error(this);
    return { status: "error", code: this.code, message: this.toBody(locale).message };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
