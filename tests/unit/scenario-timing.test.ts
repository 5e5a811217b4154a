import { describe, expect, it } from "vitest";
import { GRACE_MS, isLate, timeAllowedMs } from "@/lib/scenario/timing";

describe("scenario timing", () => {
  it("allows the limit, doubled with extended time", () => {
    expect(timeAllowedMs(7, false)).toBe(7000);
    expect(timeAllowedMs(7, true)).toBe(14000);
    expect(timeAllowedMs(null, true)).toBeNull();
  });

  it("counts an answer as late only after the limit plus the grace", () => {
    expect(isLate(0, 7000 + GRACE_MS, 7000)).toBe(false);
    expect(isLate(0, 7000 + GRACE_MS + 1, 7000)).toBe(true);
    expect(isLate(0, 60_000, null)).toBe(false);
  });
});
