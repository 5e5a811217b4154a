import { describe, expect, it } from "vitest";
import { currentHref } from "@/lib/navigation/current-href";

const LEARNER = ["/", "/learn", "/practice"];
const MANAGER = ["/", "/learn", "/practice", "/reports"];

describe("currentHref", () => {
  it("marks the link of the page itself", () => {
    expect(currentHref("/", LEARNER)).toBe("/");
    expect(currentHref("/learn", LEARNER)).toBe("/learn");
    expect(currentHref("/practice/", LEARNER)).toBe("/practice");
  });

  it("marks the section a deeper page lies in, never home for another page", () => {
    expect(currentHref("/learn/first-impression", LEARNER)).toBe("/learn");
    expect(currentHref("/reports/assign", MANAGER)).toBe("/reports");
    expect(currentHref("/me/certificates", LEARNER)).toBeUndefined();
  });

  it("does not take a link for a prefix of another word", () => {
    expect(currentHref("/learning", LEARNER)).toBeUndefined();
  });

  it("ignores the locale segment a rewritten page renders with", () => {
    expect(currentHref("/zh-CN/learn/basic-skills", LEARNER)).toBe("/learn");
    expect(currentHref("/en", LEARNER)).toBe("/");
  });
});
