import { describe, expect, it } from "vitest";
import { hitRateLimit } from "@/db/queries/rate-limit";
import { maskName } from "@/lib/certification/mask-name";
import { normaliseCode } from "@/lib/certification/verification-code";
import { clientIp } from "@/lib/http/client-ip";
import { setUpTestDb } from "./test-db";

describe("maskName", () => {
  it.each([
    ["张晓明", "张*明"],
    ["王伟", "王*"],
    ["欧阳锋锐", "欧**锐"],
    ["李", "李"],
    ["  周建军 ", "周*军"],
    ["Li Wei", "L* **i"],
  ])("%s → %s", (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});

describe("normaliseCode", () => {
  it("accepts codes typed in lower case, with spaces or dashes", () => {
    expect(normaliseCode("7kq2-m9xh 4prt")).toBe("7KQ2M9XH4PRT");
  });
  it("refuses a wrong length or the ambiguous characters", () => {
    expect(normaliseCode("7KQ2M9XH4PR")).toBeNull();
    expect(normaliseCode("7KQ2M9XH4PR0")).toBeNull();
    expect(normaliseCode("7KQ2M9XH4PRI")).toBeNull();
    expect(normaliseCode("'; drop table")).toBeNull();
  });
});

describe("clientIp", () => {
  it("takes the one address server.ts resolved, and nothing that is not an address", () => {
    expect(clientIp("10.0.0.7")).toBe("10.0.0.7");
    expect(clientIp("2001:db8::1")).toBe("2001:db8::1");
    expect(clientIp("6.6.6.6, 10.0.0.7")).toBe("unknown");
    expect(clientIp(null)).toBe("unknown");
    expect(clientIp("x".repeat(100))).toBe("unknown");
  });
});

describe("hitRateLimit against a real database", () => {
  const { db } = setUpTestDb();

  it("allows the limit, refuses the next, and opens a new window after it", async () => {
    const hit = (now: number, key = "verify:1.2.3.4") =>
      hitRateLimit({ key, limit: 3, windowMs: 1000, now, db });
    expect((await Promise.all([hit(0), hit(10), hit(20)])).map((r) => r.allowed)).toEqual([true, true, true]);
    expect(await hit(30)).toEqual({ allowed: false, count: 4 });
    expect((await hit(40, "verify:5.6.7.8")).allowed).toBe(true);
    expect(await hit(1000)).toEqual({ allowed: true, count: 1 });
  });

  it("counts every one of 50 concurrent requests", async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        hitRateLimit({ key: "burst", limit: 10, windowMs: 60_000, now: 5, db }),
      ),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    expect(Math.max(...results.map((r) => r.count))).toBe(50);
  });
});
