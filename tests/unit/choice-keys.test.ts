import { describe, expect, it } from "vitest";
import { choiceIndexForKey } from "@/lib/scenario/choice-keys";

const key = (k: string, target: unknown = { tagName: "BODY" }, mods = {}) => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  target,
  ...mods,
});

describe("number keys choose a role-play reply", () => {
  it("maps 1–4 to the choices shown", () => {
    expect(choiceIndexForKey(key("1"), 3)).toBe(0);
    expect(choiceIndexForKey(key("3"), 3)).toBe(2);
    expect(choiceIndexForKey(key("4"), 3)).toBeNull();
    expect(choiceIndexForKey(key("5"), 6)).toBeNull();
    expect(choiceIndexForKey(key("0"), 3)).toBeNull();
    expect(choiceIndexForKey(key("a"), 3)).toBeNull();
  });

  it("leaves text fields and shortcuts alone", () => {
    expect(choiceIndexForKey(key("1", { tagName: "TEXTAREA" }), 3)).toBeNull();
    expect(choiceIndexForKey(key("1", { tagName: "input", type: "text" }), 3)).toBeNull();
    expect(choiceIndexForKey(key("1", { tagName: "DIV", isContentEditable: true }), 3)).toBeNull();
    expect(choiceIndexForKey(key("1", undefined, { ctrlKey: true }), 3)).toBeNull();
    expect(choiceIndexForKey(key("2", { tagName: "BUTTON" }), 3)).toBe(1);
  });
});
