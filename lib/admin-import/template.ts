import { csvFile } from "../csv/csv";
import { IMPORT_FIELDS, TEMPLATE_HEADERS } from "./columns";

const EXAMPLES: Record<"zh-CN" | "en", string[][]> = {
  "zh-CN": [
    ["E5001", "张三", "总行/华东分行/静安支行", "学员", "zhang.san@example.cn", "2026-03-01", "是"],
    ["E5002", "李四", "EAST-PD", "学员", "", "2026/3/15", "是"],
  ],
  en: [
    [
      "E5001",
      "Zhang San",
      "Head Office/East China Branch/Jing'an Sub-branch",
      "learner",
      "zhang.san@example.cn",
      "2026-03-01",
      "yes",
    ],
    ["E5002", "Li Si", "EAST-PD", "learner", "", "2026-03-15", "yes"],
  ],
};

/** The downloadable template: UTF-8 with a BOM so Excel opens the Chinese headers correctly. */
export function importTemplateCsv(locale: "zh-CN" | "en"): string {
  const header = IMPORT_FIELDS.map((f) => TEMPLATE_HEADERS[locale][f]);
  return csvFile([header, ...EXAMPLES[locale]]);
}
