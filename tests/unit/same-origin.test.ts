import { describe, expect, it } from "vitest";
import { handleRoute } from "@/lib/http/handle-route";
import { isCrossOriginWrite } from "@/lib/http/same-origin";

const request = (method: string, headers: Record<string, string>) =>
  new Request("http://training.bank.local/api/learn/basic-skills/attempts", { method, headers });

describe("state-changing requests from another origin", () => {
  it("are told apart from same-origin ones, reads and requests without an Origin", () => {
    const host = { host: "training.bank.local" };
    expect(isCrossOriginWrite(request("POST", { ...host, origin: "https://evil.example" }))).toBe(true);
    expect(isCrossOriginWrite(request("DELETE", { ...host, origin: "not a url" }))).toBe(true);
    expect(isCrossOriginWrite(request("POST", { ...host, origin: "http://training.bank.local" }))).toBe(
      false,
    );
    expect(isCrossOriginWrite(request("POST", host))).toBe(false);
    expect(isCrossOriginWrite(request("GET", { ...host, origin: "https://evil.example" }))).toBe(false);
  });

  it("are refused by every API route with 403 before the handler runs", async () => {
    let ran = false;
    const response = await handleRoute(
      request("POST", { host: "training.bank.local", origin: "https://evil.example" }),
      async () => {
        ran = true;
        return Response.json({});
      },
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "forbidden:origin" });
    expect(ran).toBe(false);
  });
});
