import { describe, expect, it } from "vitest";
import { MINUS, signedPoints, skillPoints } from "@/lib/scenario/points-display";

describe("role-play points display", () => {
  it("uses a real minus sign, never a hyphen", () => {
    expect(signedPoints(-9)).toBe(`${MINUS}9`);
    expect(signedPoints(-9)).not.toContain("-");
    expect(signedPoints(3)).toBe("+3");
    expect(signedPoints(3, { plus: false })).toBe("3");
    expect(signedPoints(0)).toBe("0");
  });

  it("shows a negative skill as 0 counted, with what was earned beside it", () => {
    expect(skillPoints(-9, 7)).toEqual({ counted: 0, max: 7, earned: "−9" });
  });

  it("adds nothing when the counted points are the earned ones", () => {
    expect(skillPoints(5, 7)).toEqual({ counted: 5, max: 7, earned: null });
    expect(skillPoints(0, 7).earned).toBeNull();
  });

  it("never counts more than the maximum", () => {
    expect(skillPoints(9, 7)).toEqual({ counted: 7, max: 7, earned: "9" });
  });
});
