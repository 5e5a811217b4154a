import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "@/lib/i18n/dates";

// 04:05 on 2 December in Shanghai, still 1 December in UTC.
const instant = new Date("2026-12-01T20:05:00Z");

describe("formatDate", () => {
  it("writes a day in each locale's own style", () => {
    expect(formatDate(instant, "zh-CN")).toBe("2026年12月2日");
    expect(formatDate(instant, "en")).toBe("Dec 2, 2026");
  });

  it("reads the day on the bank's calendar, not the server's", () => {
    expect(formatDate(instant.getTime(), "en")).toBe("Dec 2, 2026");
    expect(formatDate(instant.toISOString(), "zh-CN")).toBe("2026年12月2日");
  });

  it("takes a calendar date as that bank day", () => {
    expect(formatDate("2026-12-22", "zh-CN")).toBe("2026年12月22日");
    expect(formatDate("2026-12-22", "en")).toBe("Dec 22, 2026");
    expect(formatDate("2026-01-01", "en")).toBe("Jan 1, 2026");
  });

  it("has a long style for certificates and letters", () => {
    expect(formatDate("2026-03-05", "zh-CN", "long")).toBe("2026年3月5日");
    expect(formatDate("2026-03-05", "en", "long")).toBe("March 5, 2026");
  });

  it("hands back what it cannot read", () => {
    expect(formatDate("not a date", "en")).toBe("not a date");
  });
});

describe("formatDateTime", () => {
  it("adds the bank's clock time to the same day", () => {
    expect(formatDateTime(instant, "zh-CN")).toBe("2026年12月2日 04:05");
    expect(formatDateTime(instant, "en")).toBe("Dec 2, 2026, 4:05 AM");
    expect(formatDateTime(instant, "en", { seconds: true })).toBe("Dec 2, 2026, 4:05:00 AM");
  });
});
