import { describe, expect, it } from "vitest";
import { gradeFreeText, normalise } from "@/lib/scenario/rubric";
import { tokenize } from "@/lib/scenario/rubric/segment";

type Entry = { id: string; points?: number; phrases: string[]; synonyms?: string[][] };
const rubric = (required: Entry[], forbidden: Entry[] = []) => ({
  required: required.map((e) => ({
    id: e.id,
    label: e.id,
    competency: "c",
    points: e.points ?? 1,
    accept: e.phrases,
    synonyms: e.synonyms ?? [],
  })),
  forbidden: forbidden.map((e) => ({
    id: e.id,
    label: e.id,
    competency: "c",
    points: e.points ?? 1,
    phrases: e.phrases,
    synonyms: e.synonyms ?? [],
  })),
});
const met = (r: ReturnType<typeof rubric>, answer: string) =>
  gradeFreeText(r, answer).matched.map((m) => m.id);
const flagged = (r: ReturnType<typeof rubric>, answer: string) =>
  gradeFreeText(r, answer).forbidden.map((f) => f.id);

describe("segmentation", () => {
  it("cuts Chinese into words with the bank's own terms, English into words with contractions expanded", () => {
    expect(tokenize("这是您的受理编号，重复扣款会退回").map((t) => t.text)).toEqual(
      expect.arrayContaining(["受理编号", "重复扣款"]),
    );
    expect(tokenize("I'm sorry, we can't").map((t) => t.text)).toEqual([
      "i",
      "am",
      "sorry",
      ",",
      "we",
      "can",
      "not",
    ]);
    // A measure word after a number stands alone (not 38 / 万全).
    expect(
      tokenize("38万全转过去")
        .map((t) => t.text)
        .slice(0, 2),
    ).toEqual(["38", "万"]);
  });

  it("matches whole words, the head of a compound, but not characters that straddle two words", () => {
    const r = rubric([
      { id: "feeling", phrases: ["心情"] },
      { id: "reference", phrases: ["编号"] },
      { id: "action", phrases: ["受理"] },
    ]);
    expect(met(r, "我很开心情况好转了")).toEqual([]); // 开心 / 情况, not 心情
    expect(met(r, "这是您的受理编号")).toEqual(["reference"]); // 编号 heads 受理编号; 受理 only modifies it
    expect(met(r, "您的心情我理解，申请已经受理")).toEqual(["feeling", "action"]);
  });

  it("tolerates particles, a few words in between, and Chinese words in another order", () => {
    const r = rubric([
      { id: "inconvenience", phrases: ["给您带来不便"] },
      { id: "confirm", phrases: ["我确认一下"] },
      { id: "records", phrases: ["核对交易"] },
    ]);
    expect(met(r, "给您带来了很多不便")).toEqual(["inconvenience"]);
    expect(met(r, "我确认下：")).toEqual(["confirm"]);
    expect(met(r, "我先把交易核对一下")).toEqual(["records"]);
    // Not across a comma, and a pronoun keeps its place.
    expect(met(r, "给您带来，不便")).toEqual([]);
    expect(met(r, "您确认一下我")).toEqual([]);
  });
});

describe("synonym groups", () => {
  const r = rubric([
    {
      id: "acknowledge",
      phrases: ["理解您的心情"],
      synonyms: [
        ["理解", "明白", "体谅"],
        ["心情", "感受"],
      ],
    },
    { id: "english", phrases: ["I understand how you feel"], synonyms: [["understand", "see"]] },
  ]);

  it("a phrase counts with any word of a group in place of its own", () => {
    expect(met(r, "我明白您的感受")).toEqual(["acknowledge"]);
    expect(met(r, "非常体谅您此刻的心情")).toEqual(["acknowledge"]);
    expect(met(r, "I can see how you feel")).toEqual(["english"]);
  });

  it("a group word alone is not the phrase", () => {
    expect(met(r, "感受一下")).toEqual([]);
    expect(met(r, "I see")).toEqual([]);
  });

  it("explains which phrase and which words of the answer matched", () => {
    const g = gradeFreeText(r, "张先生，我明白您的感受。");
    expect(g.matched[0]).toMatchObject({
      id: "acknowledge",
      phrase: "理解您的心情",
      words: [
        { text: "明白", start: 5, end: 7 },
        { text: "您", start: 7, end: 8 },
        { text: "感受", start: 9, end: 11 },
      ],
    });
  });
});

describe("negation", () => {
  const zh = rubric([
    { id: "apology", phrases: ["抱歉", "对不起"] },
    { id: "acknowledge", phrases: ["理解您", "着急"] },
    { id: "take-on", phrases: ["马上帮您查"] },
    { id: "deadline", phrases: ["24小时"] },
  ]);

  it("cancels an element a Chinese negator governs, and says which word and where", () => {
    const g = gradeFreeText(zh, "我不觉得抱歉，也不理解您为什么生气。");
    expect(g.matched).toEqual([]);
    expect(g.missed.find((m) => m.id === "apology")?.cancelled).toMatchObject({
      phrase: "抱歉",
      words: [{ text: "抱歉", start: 4 }],
      negator: { text: "不", start: 1, end: 2 },
    });
    expect(g.missed.find((m) => m.id === "acknowledge")?.cancelled?.negator).toMatchObject({
      text: "不",
      start: 8,
    });
  });

  it("keeps the window short and stops at a new subject or a comma", () => {
    expect(met(zh, "没问题，我马上帮您查")).toEqual(["take-on"]);
    expect(met(zh, "您别着急，我马上帮您查")).toEqual(["take-on"]); // 着急 is cancelled, the offer is not
    expect(met(zh, "别着急我马上帮您查")).toEqual(["take-on"]);
    expect(met(zh, "我没有马上帮您查")).toEqual([]);
  });

  it("does not mistake questions, upper bounds or fixed phrases for negation", () => {
    expect(met(zh, "您是不是很着急？")).toEqual(["acknowledge"]);
    expect(met(zh, "不会超过24小时")).toEqual(["deadline"]);
    expect(met(zh, "不好意思，对不起")).toEqual(["apology"]);
  });

  it("sees a denial after the phrase and a correction that takes it back", () => {
    expect(met(zh, "抱歉是不可能抱歉的")).toEqual([]);
    expect(met(zh, "光说对不起也没用")).toEqual([]);
    expect(met(zh, "24小时内不一定有结果")).toEqual([]);
    const name = rubric([{ id: "name", phrases: ["王阿姨"] }]);
    expect(met(name, "您好，王阿姨……哦不对，认错人了。")).toEqual([]);
  });

  it("applies the same rule to English", () => {
    const en = rubric([
      { id: "apology", phrases: ["sorry", "apologise"] },
      { id: "acknowledge", phrases: ["understand"] },
      { id: "take-on", phrases: ["check it right now"] },
      { id: "deadline", phrases: ["24 hours"] },
    ]);
    expect(met(en, "I'm not sorry.")).toEqual([]);
    expect(met(en, "I don't think I understand.")).toEqual([]);
    expect(met(en, "Sorry? No, I'm not sorry.")).toEqual([]);
    expect(met(en, "No problem, I'll check it right now.")).toEqual(["take-on"]);
    expect(met(en, "I'm not going to check it right now.")).toEqual([]);
    expect(met(en, "It won't take more than 24 hours.")).toEqual(["deadline"]);
    expect(met(en, "I apologised, and I'm apologising again.")).toEqual(["apology"]);
  });
});

describe("forbidden phrases, with negation inverted", () => {
  const zh = rubric(
    [{ id: "deadline", phrases: ["24小时"] }],
    [
      { id: "over-promise", phrases: ["我保证", "百分之百", "保证收益"] },
      { id: "blame-system", phrases: ["系统问题"], synonyms: [["问题", "故障", "锅"]] },
      { id: "deny", phrases: ["跟我没关系"], synonyms: [["我", "我们"]] },
    ],
  );

  it("deducts a forbidden idea said in the rubric's or a synonym's words", () => {
    expect(flagged(zh, "我保证今天到账")).toEqual(["over-promise"]);
    expect(flagged(zh, "这是系统的锅，跟我们没关系")).toEqual(["blame-system", "deny"]);
    expect(gradeFreeText(zh, "这是系统问题").total).toBe(-1);
  });

  it("does not deduct it when it is negated, and says why", () => {
    const g = gradeFreeText(zh, "我不能保证收益，也不能百分之百保证今天到账，但24小时内会有结果。");
    expect(g.forbidden).toEqual([]);
    expect(g.excused).toMatchObject([{ id: "over-promise", negator: { text: "不能" } }]);
    expect(g.total).toBe(1);
    expect(flagged(zh, "这不能说跟我没关系，我负责到底。")).toEqual([]);
    expect(flagged(zh, "不管是不是系统问题，都由我们来处理。")).toEqual([]);
  });

  it("does the same in English", () => {
    const en = rubric(
      [{ id: "deadline", phrases: ["24 hours"] }],
      [{ id: "over-promise", phrases: ["I guarantee"] }],
    );
    expect(flagged(en, "I guarantee it'll be back today.")).toEqual(["over-promise"]);
    expect(flagged(en, "I can't guarantee it'll be today, but you'll hear within 24 hours.")).toEqual([]);
  });
});

describe("traditional characters, full-width input and typing slips", () => {
  const r = rubric([
    { id: "apology", phrases: ["对不起", "抱歉", "sorry"] },
    { id: "deadline", phrases: ["24小时"] },
    { id: "account", phrases: ["账户"] },
    { id: "greeting", phrases: ["您好"] },
    { id: "check", phrases: ["是么"] },
  ]);

  it("folds traditional characters and full-width forms, and keeps offsets into the answer as typed", () => {
    expect(normalise("２４ 小時，ＯＫ！對不起。")).toBe("24小时ok对不起");
    const g = gradeFreeText(r, "實在對不起！我們 ２４ 小時內給您答覆，帳戶沒問題。");
    expect(g.matched.map((m) => m.id)).toEqual(["apology", "deadline", "account"]);
    expect(g.matched[0]?.words).toEqual([{ text: "對不起", start: 2, end: 5 }]);
    expect(g.matched[1]?.words.map((w) => w.text)).toEqual(["２４", "小時"]);
    expect(met(r, "ＳＯＲＲＹ，我马上查")).toEqual(["apology"]);
    // 么 stays 么 (OpenCC's Taiwan table would read it as 幺).
    expect(met(r, "是麼？")).toEqual(["check"]);
  });

  it("accepts an input-method slip (one character of the same sound), pinyin and English typos", () => {
    expect(met(r, "真的很报歉")).toEqual(["apology"]);
    expect(met(r, "王阿姨ninhao")).toEqual(["greeting"]);
    expect(met(r, "So sory")).toEqual(["apology"]);
    expect(met(r, "悲哀")).toEqual([]);
  });
});

describe("the grade keeps the shape its callers read", () => {
  it("has points, total, matched (with phrase), missed and forbidden, plus the explanation", () => {
    const r = rubric([
      { id: "a", points: 3, phrases: ["抱歉"] },
      { id: "b", phrases: ["编号"] },
    ]);
    const g = gradeFreeText(r, "抱歉");
    expect(g).toMatchObject({
      points: { c: 3 },
      total: 3,
      matched: [{ id: "a", label: "a", competency: "c", points: 3, phrase: "抱歉" }],
      missed: [{ id: "b", label: "b", competency: "c", points: 1 }],
      forbidden: [],
      excused: [],
    });
  });
});
