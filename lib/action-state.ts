import type { ErrorCode } from "./errors";

/** What a failed server action returns: the same code a route would answer with, and its text. */
export type ActionError = { status: "error"; code: ErrorCode; message: string };

export function isActionError(state: { status: string }): state is ActionError {
  return state.status === "error" && "code" in state;
}

/**
 * The line a form shows under itself: nothing while idle, the error's message (already in the
 * user's language), or the form's own words for the outcome.
 */
export function outcomeText<State extends { status: string }>(
  state: State | ActionError,
  text: (state: State) => string,
): string {
  if (state.status === "idle") return "";
  return isActionError(state) ? state.message : text(state as State);
}
