import { describe, expect, it } from "vitest";
import { chapterReadStatements } from "@/lib/xapi/chapter";
import { lrsAuthorization, postStatements } from "@/lib/xapi/lrs-client";
import { siteOf } from "@/lib/xapi/site";

const site = siteOf("https://training.bank.local");
const one = chapterReadStatements(
  {
    learner: { employeeNo: "E1001" },
    chapter: { slug: "basic-skills", title: "基本技能", locale: "zh-CN", revisionId: "r1" },
    at: new Date(0),
  },
  site,
);
const two = [...one, ...one.map((s) => ({ ...s, id: "5c5b1d0e-0000-5000-8000-000000000002" }))];
const config = { url: "https://lrs.bank.local/xAPI/", authorization: "Basic dTpw" };

function answering(status: number, body = "") {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(status === 204 ? null : body, { status });
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
}

describe("LRS client", () => {
  it("POSTs to <LRS_URL>/statements with the xAPI version header and the Authorization", async () => {
    const { calls, fetchImpl } = answering(200, '["id"]');
    expect(await postStatements(config, two, fetchImpl)).toEqual({ kind: "stored" });
    expect(calls[0]?.url).toBe("https://lrs.bank.local/xAPI/statements");
    expect(calls[0]?.init.method).toBe("POST");
    expect(calls[0]?.init.headers).toMatchObject({
      "X-Experience-API-Version": "1.0.3",
      Authorization: "Basic dTpw",
      "Content-Type": "application/json",
    });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual(two);
  });

  it("classifies the answers", async () => {
    const outcome = async (status: number, batch = two, body = "") =>
      (await postStatements(config, batch, answering(status, body).fetchImpl)).kind;
    expect(await outcome(204)).toBe("stored");
    expect(await outcome(409, one)).toBe("stored"); // the LRS already has this id
    expect(await outcome(409, two)).toBe("rejected"); // one of several clashes: find which
    expect(await outcome(400)).toBe("rejected");
    expect(await outcome(413)).toBe("rejected");
    for (const status of [401, 403, 404, 429, 500, 502, 503])
      expect(await outcome(status)).toBe("unavailable");
    expect(
      await postStatements(config, one, answering(400, '{"message": "bad\\n  verb"}').fetchImpl),
    ).toEqual({
      kind: "rejected",
      reason: 'HTTP 400: {"message": "bad\\n verb"}',
    });
  });

  it("a network failure is tried once more at once; then it, or a timeout, is 'unavailable' with its cause", async () => {
    let tries = 0;
    const refused = (async () => {
      tries += 1;
      throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:9") });
    }) as unknown as typeof fetch;
    expect(await postStatements(config, one, refused)).toEqual({
      kind: "unavailable",
      reason: "fetch failed: connect ECONNREFUSED 127.0.0.1:9",
    });
    expect(tries).toBe(2);
    let calls = 0;
    const resetOnce = (async () => {
      calls += 1;
      if (calls === 1) throw new TypeError("fetch failed", { cause: new Error("read ECONNRESET") });
      return new Response("[]", { status: 200 });
    }) as unknown as typeof fetch;
    expect(await postStatements(config, one, resetOnce)).toEqual({ kind: "stored" });
    const hanging = ((_: string, init: RequestInit) =>
      new Promise((_, reject) =>
        init.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
      )) as unknown as typeof fetch;
    const r = await postStatements({ ...config, timeoutMs: 20 }, one, hanging);
    expect(r.kind).toBe("unavailable");
    expect(r.kind === "unavailable" && r.reason).toMatch(/timeout|aborted/i);
  });

  it("takes LRS_AUTH as it is, a bare token as Basic, or builds Basic from the user name and password", () => {
    expect(lrsAuthorization({ LRS_AUTH: "Basic abc=" })).toBe("Basic abc=");
    expect(lrsAuthorization({ LRS_AUTH: "abc=" })).toBe("Basic abc=");
    expect(lrsAuthorization({ LRS_USERNAME: "key", LRS_PASSWORD: "sécret" })).toBe(
      `Basic ${Buffer.from("key:sécret").toString("base64")}`,
    );
    expect(lrsAuthorization({})).toBeNull();
  });
});
