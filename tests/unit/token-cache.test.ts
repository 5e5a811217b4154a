import { describe, expect, it } from "vitest";
import { TokenCache } from "@/lib/auth/token-cache";

describe("TokenCache", () => {
  it("returns a token's facts until it expires", () => {
    const cache = new TokenCache();
    cache.set("c1", { role: "learner", expiresAt: 2_000 });
    expect(cache.get("c1", 1_999)).toEqual({ role: "learner", expiresAt: 2_000 });
    expect(cache.get("c1", 2_000)).toBeUndefined();
    expect(cache.get("c1", 1_000)).toBeUndefined();
  });

  it("forgets the oldest entry when full", () => {
    const cache = new TokenCache(2);
    cache.set("a", { role: "learner", expiresAt: 10 });
    cache.set("b", { role: "manager", expiresAt: 10 });
    cache.set("c", { role: "admin", expiresAt: 10 });
    expect(cache.get("a", 0)).toBeUndefined();
    expect(cache.get("b", 0)?.role).toBe("manager");
    expect(cache.get("c", 0)?.role).toBe("admin");
  });
});
