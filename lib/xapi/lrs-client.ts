import type { Statement } from "./types";

/** Where statements go: the LRS's xAPI base (its `/statements` resource is appended) and the Authorization header. */
export type LrsConfig = { url: string; authorization: string | null; timeoutMs?: number };

/**
 * What an LRS answered to a POST of statements:
 * - `stored`: 200/204, or 409 for a single statement (the LRS already holds that id: sent before);
 * - `rejected`: it refused the content (400, 413, or 409 for several, where one of them clashes);
 * - `unavailable`: no answer, a timeout, or any other status (5xx, 401/403, 404, 429…), which
 *   says nothing about the statements themselves.
 */
export type SendOutcome =
  | { kind: "stored" }
  | { kind: "rejected"; reason: string }
  | { kind: "unavailable"; reason: string };

/** The Authorization header from LRS_AUTH ("Basic …", or a bare Basic token) or LRS_USERNAME + LRS_PASSWORD. */
export function lrsAuthorization(e: { LRS_AUTH?: string; LRS_USERNAME?: string; LRS_PASSWORD?: string }) {
  if (e.LRS_AUTH) return /\s/.test(e.LRS_AUTH.trim()) ? e.LRS_AUTH.trim() : `Basic ${e.LRS_AUTH.trim()}`;
  if (e.LRS_USERNAME !== undefined)
    return `Basic ${Buffer.from(`${e.LRS_USERNAME}:${e.LRS_PASSWORD ?? ""}`).toString("base64")}`;
  return null;
}

export const statementsUrl = (url: string) => `${url.replace(/\/+$/, "")}/statements`;

async function errorText(response: Response) {
  const body = (await response.text().catch(() => "")).replace(/\s+/g, " ").trim();
  return `HTTP ${response.status}${body ? `: ${body.slice(0, 300)}` : ""}`;
}

/**
 * POSTs statements to the LRS (xAPI 1.0.3) and classifies the answer; never throws. A request
 * that fails without any answer (typically a kept-alive connection the LRS or a proxy had just
 * closed) is tried once more at once: the statements' fixed ids make a repeat harmless.
 */
export async function postStatements(
  config: LrsConfig,
  statements: readonly Statement[],
  fetchImpl: typeof fetch = fetch,
): Promise<SendOutcome> {
  const post = () =>
    fetchImpl(statementsUrl(config.url), {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-Experience-API-Version": "1.0.3",
        ...(config.authorization ? { Authorization: config.authorization } : {}),
      },
      body: JSON.stringify(statements),
      signal: AbortSignal.timeout(config.timeoutMs ?? 30_000),
    });
  let response: Response;
  try {
    response = await post().catch((e) => {
      if (e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError")) throw e;
      return post();
    });
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : "";
    return { kind: "unavailable", reason: `${e instanceof Error ? e.message : String(e)}${cause}` };
  }
  const { status } = response;
  if (status === 200 || status === 204 || (status === 409 && statements.length === 1)) {
    await response.body?.cancel();
    return { kind: "stored" };
  }
  const reason = await errorText(response);
  if (status === 400 || status === 409 || status === 413) return { kind: "rejected", reason };
  return { kind: "unavailable", reason };
}
