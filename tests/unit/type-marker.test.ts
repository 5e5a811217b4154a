import { describe, expect, it } from "vitest";
import { withoutTypeMarker } from "@/lib/assessment/type-marker";

describe("withoutTypeMarker", () => {
  it("drops a trailing type marker in full-width or ASCII brackets", () => {
    expect(withoutTypeMarker("以下哪些是主动倾听的做法？（多选）")).toBe("以下哪些是主动倾听的做法？");
    expect(withoutTypeMarker("以下哪项正确？ (单选题)")).toBe("以下哪项正确？");
    expect(withoutTypeMarker("以下哪些正确？（多选，选出所有正确项）")).toBe("以下哪些正确？");
    expect(withoutTypeMarker("Which of these help? (Select all that apply)")).toBe("Which of these help?");
  });
  it("keeps other brackets and a marker inside the sentence", () => {
    expect(withoutTypeMarker("客户办理（大额）取现时应怎样做？")).toBe("客户办理（大额）取现时应怎样做？");
    expect(withoutTypeMarker("（多选）题和单选题有何不同？")).toBe("（多选）题和单选题有何不同？");
  });
  it("keeps a prompt that is nothing but a marker", () => {
    expect(withoutTypeMarker("（判断）")).toBe("（判断）");
  });
});
