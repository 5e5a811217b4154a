import { AppError, type ErrorCode } from "@/lib/errors";
import type { SubmissionProblem } from "./submission";

const CODES = {
  "undrawn-question": "bad_request:undrawn_question",
  "missing-question": "bad_request:missing_question",
  "unknown-token": "bad_request:unknown_token",
  "foreign-token": "bad_request:foreign_token",
  "duplicate-pick": "bad_request:duplicate_pick",
  "pick-count": "bad_request:pick_count",
} as const satisfies Record<SubmissionProblem["code"], ErrorCode>;

/** The 400 a submission problem answers with; the detail names the question (and token) at fault. */
export function submissionError(problem: SubmissionProblem): AppError {
  const detail = "token" in problem ? `${problem.key}: ${problem.token}` : problem.key;
  return new AppError(CODES[problem.code], detail, { question: problem.key });
}
