/**
 * One application error type. A code is "<kind>:<area>"; the kind decides the HTTP status and the
 * message key shown to the user, so no route invents its own status or leaks internals.
 */
export type ErrorKind =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "unavailable";
export type ErrorCode = `${ErrorKind}:${string}`;

const STATUS: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
  ) {
    super(detail ?? code);
    this.kind = code.split(":")[0] as ErrorKind;
    this.status = STATUS[this.kind];
  }

  toResponse() {
    return Response.json({ code: this.code, message: this.detail ?? this.code }, { status: this.status });
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
