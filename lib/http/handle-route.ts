import type { z } from "zod";
import { AppError, type ErrorCode, isAppError } from "@/lib/errors";
import { localeOf } from "@/lib/i18n/locales";
import { isCrossOrigin } from "./origin";

/**
 * The body's bytes, at most `maxBytes` of them: a Content-Length over the limit is refused before
 * anything is read, and reading stops as soon as the bytes received pass it (a body sent without
 * a length, or longer than it said). 413 `too_large:body` either way.
 */
export async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new AppError("too_large:body", `over ${maxBytes} bytes`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new AppError("too_large:body", `over ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** `application/json`, with or without parameters such as `; charset=utf-8`. */
const JSON_TYPE = /^application\/json\s*(;|$)/i;

/**
 * Body of a JSON request: 415 unless it says it is `application/json` (a form or `text/plain`,
 * which a cross-site page can send without asking, is never taken as JSON), 413 past `maxBytes`
 * bytes, 400 when it is not UTF-8 JSON.
 */
export async function readJson(request: Request, maxBytes = 64 * 1024): Promise<unknown> {
  if (!JSON_TYPE.test(request.headers.get("content-type") ?? "")) {
    throw new AppError("unsupported:body", "Content-Type must be application/json");
  }
  const bytes = await readBytes(request, maxBytes);
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
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
 * state-changing request from another origin is refused before the handler runs, as the proxy
 * refuses it too (a route the proxy's matcher leaves out is still covered).
 */
export async function handleRoute(request: Request, run: () => Promise<Response>): Promise<Response> {
  try {
    if (isCrossOrigin(request.method, request.headers.get("origin"), request.headers.get("host")))
      throw new AppError("forbidden:origin");
    return await run();
  } catch (e) {
    const error = isAppError(e)
      ? e
      : new AppError("internal:server", e instanceof Error ? e.stack : String(e));
    return error.toResponse(localeOf(request));
  }
}
