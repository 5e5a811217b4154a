import { describe, expect, it } from "vitest";
import { canonicalEmployeeNo } from "@/lib/auth/employee-no";
import { sessionCounts } from "@/lib/auth/session-version";
import { codeFromPath } from "@/lib/certification/verification-code";
import { canonicalPath } from "@/lib/http/canonical-path";
import { contentSecurityPolicy, newNonce } from "@/lib/http/csp";
import { readBytes, readJson } from "@/lib/http/handle-route";
import { isCrossOrigin } from "@/lib/http/origin";

describe("canonicalPath (issue 17 items 1 and 18)", () => {
  it("decodes every percent-encoding, so the proxy matches the page that will be served", () => {
    expect(canonicalPath("/learn/basic%2Dskills")).toBe("/learn/basic-skills");
    expect(canonicalPath("/learn/%62asic-skills")).toBe("/learn/basic-skills");
    expect(canonicalPath("/%6c%65%61%72%6e/basic-skills")).toBe("/learn/basic-skills");
    expect(canonicalPath("/verify/ABC")).toBe("/verify/ABC");
  });
  it("refuses what no page can be: malformed encodings, encoded separators, dot segments, control characters", () => {
    for (const bad of [
      "/verify/%FF",
      "/verify/%E4%BD",
      "/learn/a%2Fb",
      "/learn/a%5cb",
      "/learn/%2e%2e",
      "/a/%00",
    ]) {
      expect(canonicalPath(bad), bad).toBeNull();
    }
  });
});

describe("isCrossOrigin (issue 17 items 9 and 10)", () => {
  const host = "127.0.0.1:3301";
  it("counts an Origin that is not a URL as another origin instead of throwing", () => {
    for (const origin of [
      "null",
      "not a url",
      "http://127.0.0.1:3301.evil.example",
      "https://evil.example",
    ]) {
      expect(isCrossOrigin("POST", origin, host), origin).toBe(true);
    }
  });
  it("lets the app's own origin, a request without Origin and reads through", () => {
    expect(isCrossOrigin("POST", `http://${host}`, host)).toBe(false);
    expect(isCrossOrigin("POST", null, host)).toBe(false);
    expect(isCrossOrigin("GET", "null", host)).toBe(false);
  });
});

function streamed(chunks: string[], headers: Record<string, string> = {}) {
  const encoder = new TextEncoder();
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[pulled++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(encoder.encode(chunk));
    },
  });
  const request = new Request("http://x/api", {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("request bodies (issue 17 items 12 and 23)", () => {
  it("refuses a JSON body sent as text/plain or a form with 415", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", ""]) {
      const request = new Request("http://x/api", {
        method: "POST",
        body: "{}",
        headers: { "content-type": type },
      });
      await expect(readJson(request), type).rejects.toMatchObject({ code: "unsupported:body", status: 415 });
    }
    const ok = new Request("http://x/api", {
      method: "POST",
      body: '{"a":1}',
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    expect(await readJson(ok)).toEqual({ a: 1 });
  });

  it("counts the limit in bytes: 30,000 Chinese characters are 90,000 bytes, over 64 KB", async () => {
    const body = JSON.stringify({ text: "汉".repeat(30_000) });
    expect(body.length).toBeLessThan(64 * 1024);
    const request = new Request("http://x/api", {
      method: "POST",
      body,
      headers: { "content-type": "application/json" },
    });
    await expect(readJson(request)).rejects.toMatchObject({ code: "too_large:body", status: 413 });
  });

  it("refuses a declared length over the limit before reading, and stops reading an unbounded body at the limit", async () => {
    const declared = streamed(["x"], { "content-length": "2000" });
    await expect(readBytes(declared.request, 1000)).rejects.toMatchObject({ status: 413 });
    expect(declared.pulled()).toBeLessThanOrEqual(1);

    const endless = streamed(Array.from({ length: 100 }, () => "y".repeat(600)));
    await expect(readBytes(endless.request, 1000)).rejects.toMatchObject({ status: 413 });
    expect(endless.pulled()).toBeLessThan(5);
  });

  it("refuses bytes that are not UTF-8 as not JSON", async () => {
    const request = new Request("http://x/api", {
      method: "POST",
      body: new Uint8Array([0x22, 0xff, 0x22]),
      headers: { "content-type": "application/json" },
    });
    await expect(readJson(request)).rejects.toMatchObject({ code: "bad_request:body", status: 400 });
  });
});

describe("contentSecurityPolicy (issue 17 item 17)", () => {
  it("gives a rendered page a nonce and strict-dynamic, without 'unsafe-inline' for scripts", () => {
    const nonce = newNonce();
    const csp = contentSecurityPolicy({ nonce });
    const script = csp.split("; ").find((d) => d.startsWith("script-src "));
    expect(script).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(newNonce()).not.toBe(nonce);
    expect(atob(nonce)).toHaveLength(16);
  });
  it("keeps 'unsafe-inline' only for the prerendered chapter pages, and eval only in development", () => {
    expect(contentSecurityPolicy("prerendered")).toContain("script-src 'self' 'unsafe-inline';");
    expect(contentSecurityPolicy({ nonce: "n" })).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy({ nonce: "n" }, true)).toContain("'unsafe-eval'");
  });
});

describe("one canonical employee number (issue 17 item 21)", () => {
  it("is trimmed and upper case", () => {
    expect(canonicalEmployeeNo(" e1001 ")).toBe("E1001");
    expect(canonicalEmployeeNo("E1001")).toBe("E1001");
  });
});

describe("sessionCounts (issue 17 items 7 and 8)", () => {
  it("counts only an active account still at the token's session version", () => {
    expect(sessionCounts({ active: true, sessionVersion: 3 }, 3)).toBe(true);
    expect(sessionCounts({ active: true, sessionVersion: 4 }, 3)).toBe(false);
    expect(sessionCounts({ active: false, sessionVersion: 3 }, 3)).toBe(false);
    expect(sessionCounts(undefined, 3)).toBe(false);
    expect(sessionCounts({ active: true, sessionVersion: 3 }, undefined)).toBe(false);
  });
});

describe("codeFromPath (issue 17 item 24)", () => {
  it("reads a code from its address segment, and null for anything that cannot be one", () => {
    expect(codeFromPath("7kq2-m9xh%204prt")).toBe("7KQ2M9XH4PRT");
    expect(codeFromPath("%zz")).toBeNull();
    expect(codeFromPath("nope")).toBeNull();
  });
});
