import { AppError, isAppError } from "@/lib/errors";

/** Body of a JSON request, or a 400 when it is missing, too large or not JSON. */
export async function readJson(request: Request, maxBytes = 64 * 1024): Promise<unknown> {
  const text = await request.text();
  if (text.length > maxBytes) throw new AppError("bad_request:body", "Request too large / 请求内容过大");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request:body", "Request body is not valid JSON / 请求格式不正确");
  }
}

/** Runs a route handler so that an AppError becomes its status and anything else a bare 500. */
export async function handleRoute(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (e) {
    if (isAppError(e)) return e.toResponse();
    console.error(e);
    return Response.json(
      { code: "unavailable:server", message: "Something went wrong / 服务暂时不可用" },
      { status: 500 },
    );
  }
}
