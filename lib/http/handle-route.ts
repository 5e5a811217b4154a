import type { z } from "zod";
import { AppError, type ErrorCode, isAppError } from "@/lib/errors";
import { localeOf } from "@/lib/i18n/locales";

/** Body of a JSON request, or a 400 when it is missing, too large or not JSON. */
export async function readJson(request: Request, maxBytes = 64 * 1024): Promise<unknown> {
  const text = await request.text();
  if (text.length > maxBytes) throw new AppError("bad_request:body", "too large");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request:body", "not JSON");
  }
}

/**
 * A 400 unless the request says its body is JSON. Browsers send text/plain and form posts to any
 * site without asking; a JSON content type cannot be sent cross-site without a preflight.
 */
export function requireJsonContent(request: Request) {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") throw new AppError("bad_request:content_type", type ?? "none");
}

/** A JSON body parsed with `schema`, or the 400 `code` when it does not fit. */
export async function readBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  code: ErrorCode,
  maxBytes?: number,
): Promise<z.infer<Schema>> {
  const parsed = schema.safeParse(await readJson(request, maxBytes));
  if (!parsed.success) throw new AppError(code, parsed.error.message);
  return parsed.data;
}

/**
 * Runs a route handler so that an AppError becomes its status and body, in the language the
 * request's cookie names, and anything else a logged 500 that says nothing about the cause.
 */
export async function handleRoute(request: Request, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (e) {
    const error = isAppError(e)
      ? e
      : new AppError("internal:server", e instanceof Error ? e.stack : String(e));
    return error.toResponse(localeOf(request));
  }
}
