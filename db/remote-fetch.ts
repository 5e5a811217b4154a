/**
 * On a libSQL server every request opens a stream with a connection of its own, and a PRAGMA lasts
 * only as long as that stream; `PRAGMA foreign_keys` is even a no-op inside the transaction a batch
 * runs in. So the HTTP client's fetch puts `PRAGMA foreign_keys = ON` in front of the first request
 * of every stream (a pipeline without a baton) and takes its result out of the answer again: every
 * statement the app sends runs with foreign keys enforced, as on the embedded file.
 */
const PRAGMA = { type: "execute", stmt: { sql: "PRAGMA foreign_keys = ON", want_rows: false } };

type PipelineBody = { baton?: string | null; requests: unknown[] };
type PipelineAnswer = { results: { type: string; error?: { message: string } }[] };

export function foreignKeysFetch(base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    if (request.method !== "POST" || !request.url.endsWith("/v2/pipeline")) return base(request);
    const body = (await request.json()) as PipelineBody;
    if (body.baton)
      return base(request.url, { method: "POST", headers: request.headers, body: JSON.stringify(body) });

    const response = await base(request.url, {
      method: "POST",
      headers: request.headers,
      body: JSON.stringify({ ...body, requests: [PRAGMA, ...body.requests] }),
    });
    if (!response.ok) return response;
    const answer = (await response.json()) as PipelineAnswer;
    const [pragma, ...results] = answer.results;
    if (pragma?.type !== "ok") {
      throw new Error(
        `the database refused PRAGMA foreign_keys = ON: ${pragma?.error?.message ?? "no answer"}`,
      );
    }
    return Response.json({ ...answer, results }, { status: response.status });
  };
}
