import type { z } from "zod";
import { AppError, type ErrorCode, isAppError } from "@/lib/errors";
import { localeOf } from "@/lib/i18n/locales";
import { isCrossOriginWrite } from "./same-origin";

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
 * request's cookie names, and anything else a logged 500 that says nothing about the cause. A
 * state-changing request from another origin is refused before the handler runs (API routes do
 * not pass through the proxy: see proxy.ts).
 */
export async function handleRoute(request: Request, run: () => Promise<Response>): Promise<Response> {
  try {
    if (isCrossOriginWrite(request)) throw new AppError("forbidden:origin");
    return await run();
  } catch (e) {
    const error = isAppError(e)
      ? e
      : new AppError("internal:server", e instanceof Error ? e.stack : String(e));
    return error.toResponse(localeOf(request));
  }
}
