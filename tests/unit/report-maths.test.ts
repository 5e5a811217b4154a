import { describe, expect, it } from "vitest";
import { BOM, csvFile, csvLine, neutralise } from "@/lib/csv/csv";
import { analyseSteps } from "@/lib/reports/item-analysis";
import { type BranchCounts, emptyCounts, rollUp, sortRows } from "@/lib/reports/overview";
import { bestCompetencies } from "@/lib/reports/person";
import { average, formatPercent, share } from "@/lib/reports/rates";

describe("rates", () => {
  it("round to one decimal, half up, and are empty without a denominator", () => {
    expect(share(2, 3)).toBe(66.7);
    expect(share(1, 8)).toBe(12.5);
    expect(share(1, 3)).toBe(33.3);
    expect(share(0, 5)).toBe(0);
    expect(share(0, 0)).toBeNull();
    expect(average(250, 3)).toBe(83.3);
    expect(average(0, 0)).toBeNull();
    expect(formatPercent(66.7, "zh-CN")).toBe("66.7%");
    expect(formatPercent(50, "en")).toBe("50.0%");
    expect(formatPercent(null, "en")).toBe("—");
  });
});

const tree = [
  { id: "hq", path: "/hq/", name: "总行", nameEn: "HQ" },
  { id: "east", path: "/hq/east/", name: "华东", nameEn: "East" },
  { id: "ja", path: "/hq/east/ja/", name: "静安", nameEn: "Jing'an" },
  { id: "pd", path: "/hq/east/pd/", name: "浦东", nameEn: "Pudong" },
  { id: "south", path: "/hq/south/", name: "华南", nameEn: "South" },
  { id: "empty", path: "/hq/empty/", name: "空", nameEn: "Empty" },
];
const items = { passed: ["chapter:a", "scenario:g"], competencies: ["g:empathy"] };
const counts = (c: Partial<BranchCounts> & { branchId: string }): BranchCounts => ({
  ...emptyCounts(c.branchId),
  ...c,
});

describe("rolling branch counts up to the children of the root", () => {
  const data = [
    counts({
      branchId: "ja",
      headcount: 3,
      passed: { "chapter:a": 2 },
      competency: { "g:empathy": { sum: 150, count: 2 } },
      certified: 1,
    }),
    counts({
      branchId: "pd",
      headcount: 1,
      passed: { "chapter:a": 1, "scenario:g": 1 },
      competency: { "g:empathy": { sum: 90, count: 1 } },
      overdueAssignments: 4,
    }),
    counts({ branchId: "south", headcount: 2, certified: 2, expiring: 1 }),
    counts({ branchId: "hq", headcount: 1 }),
  ];

  it("gives one row per child branch, empty ones included, plus the root's own staff", () => {
    const o = rollUp({ rootPath: "/", branches: tree, counts: data, items });
    expect(o.root?.id).toBe("hq");
    expect(o.rows.map((r) => [r.branch.id, r.own, r.headcount])).toEqual([
      ["hq", true, 1],
      ["east", false, 4],
      ["south", false, 2],
      ["empty", false, 0],
    ]);
    const east = o.rows.find((r) => r.branch.id === "east");
    expect(east?.passedShare).toEqual({ "chapter:a": 75, "scenario:g": 25 });
    // The average is over people with a result: (150 + 90) / 3.
    expect(east?.competencyAverage).toEqual({ "g:empathy": 80 });
    expect(east?.overdueAssignments).toBe(4);
    const empty = o.rows.find((r) => r.branch.id === "empty");
    expect(empty?.passedShare).toEqual({ "chapter:a": null, "scenario:g": null });
    expect(empty?.certifiedShare).toBeNull();
    expect(o.total.headcount).toBe(7);
    expect(o.total.certifiedShare).toBe(42.9);
    expect(o.total.expiringShare).toBe(14.3);
    expect(o.total.passedShare["chapter:a"]).toBe(42.9);
  });

  it("limits a manager to their subtree, whatever counts come in", () => {
    const o = rollUp({ rootPath: "/hq/east/", branches: tree, counts: data, items });
    expect(o.root?.id).toBe("east");
    expect(o.rows.map((r) => r.branch.id)).toEqual(["ja", "pd"]);
    expect(o.total.headcount).toBe(4);
    expect(o.total.certified).toBe(1);
  });

  it("sorts by a column with empty figures last", () => {
    const o = rollUp({ rootPath: "/", branches: tree, counts: data, items });
    const ids = (key: Parameters<typeof sortRows>[1], dir: "asc" | "desc") =>
      sortRows(o.rows, key, dir, "en").map((r) => r.branch.id);
    expect(ids("certifiedShare", "desc")).toEqual(["south", "east", "hq", "empty"]);
    expect(ids("certifiedShare", "asc")).toEqual(["hq", "east", "south", "empty"]);
    expect(ids("passed:chapter:a", "desc")).toEqual(["east", "hq", "south", "empty"]);
    expect(ids("name", "asc")).toEqual(["east", "empty", "hq", "south"]);
  });
});

describe("spreadsheet cells", () => {
  it("neutralise text that a spreadsheet would run as a formula", () => {
    for (const bad of [
      '=HYPERLINK("http://x")',
      "+1+1",
      "-2+3",
      "@SUM(A1)",
      "\tx",
      "\rx",
      "＝1+1",
      "＋1",
      "－1",
      "＠SUM(A1)",
    ]) {
      expect(neutralise(bad)).toBe(`'${bad}`);
    }
    expect(neutralise("王晓明")).toBe("王晓明");
    expect(neutralise("a=b")).toBe("a=b");
    expect(neutralise(-3)).toBe(-3);
    expect(neutralise(null)).toBeNull();
  });

  it("write CSV records with quoting and CRLF; the file starts with a BOM", () => {
    expect(csvLine(["E1001", "王晓明", 'say "hi", ok', "=1+2", 3, null])).toBe(
      'E1001,王晓明,"say ""hi"", ok",\'=1+2,3,\r\n',
    );
    expect(BOM).toBe("\uFEFF");
    expect(csvFile([["a", "=b"], [1]])).toBe("\uFEFFa,'=b\r\n1\r\n");
  });
});

describe("role-play step analysis", () => {
  it("spreads a scenario step's choices, timeouts included", () => {
    const [step] = analyseSteps(
      [
        {
          id: "arrive",
          label: "arrive",
          choices: [
            { id: "a", text: "A" },
            { id: "b", text: "B" },
          ],
        },
      ],
      [
        { stepId: "arrive", choice: "a", count: 6 },
        { stepId: "arrive", choice: "timeout", count: 2 },
      ],
    );
    expect(step?.answered).toBe(8);
    expect(step?.options.map((o) => [o.id, o.share])).toEqual([
      ["a", 75],
      ["b", 0],
      ["timeout", 25],
    ]);
  });
});

describe("a person's competencies", () => {
  it("come from the best completed attempt, the earliest on a tie", () => {
    const at = (s: number) => new Date(s * 1000);
    const plays = [
      { id: "p1", slug: "g", status: "completed", percent: 80, completedAt: at(1) },
      { id: "p2", slug: "g", status: "completed", percent: 80, completedAt: at(2) },
      { id: "p3", slug: "g", status: "completed", percent: 60, completedAt: at(3) },
      { id: "p4", slug: "g", status: "active", percent: null, completedAt: null },
    ];
    const scores = [
      { attemptId: "p1", competency: "empathy", score: 2, maxScore: 3 },
      { attemptId: "p2", competency: "empathy", score: 3, maxScore: 3 },
      { attemptId: "p1", competency: "none", score: 0, maxScore: 0 },
    ];
    expect(bestCompetencies(plays, scores).get("g")).toEqual({
      percent: 80,
      competencies: { empathy: 66.7 },
    });
  });
});
