import { BOM, csvLine } from "../csv/csv";
import type { Turn } from "../scenario/engine";
import type { ZipEntry } from "./zip-stream";

export type Row = Record<string, unknown>;

/**
 * One part of a person's data: its name (the key in the JSON, and the CSV's file name), its
 * columns, and its rows page by page. `pages()` reads afresh on every call, so the JSON and each
 * CSV read the database again instead of keeping the history in memory.
 */
export type DataSection = { name: string; columns: readonly string[]; pages: () => AsyncIterable<Row[]> };

export type PersonData = { profile: Row; sections: readonly DataSection[]; exportedAt: Date };

export const FORMAT = "counter-training/my-data@1";
export const JSON_FILE = "my-data.json";

/** CSVs with one row per nested item (an answer, a turn, a competency) of a section's rows. */
type DetailCsv = { file: string; section: string; header: string[]; rows: (row: Row) => unknown[][] };

const DETAILS: readonly DetailCsv[] = [
  {
    file: "check-answers.csv",
    section: "checkAttempts",
    header: ["attemptId", "moduleSlug", "questionId", "selectedOptions"],
    rows: (a) =>
      Object.entries((a.answers ?? {}) as Record<string, string[]>).map(([question, selected]) => [
        a.id,
        a.moduleSlug,
        question,
        selected.join(" | "),
      ]),
  },
  {
    file: "role-play-turns.csv",
    section: "plays",
    header: [
      "attemptId",
      "scenarioSlug",
      "turn",
      "stepId",
      "answerType",
      "choiceId",
      "text",
      "points",
      "feedback",
      "moodAfter",
      "reviewedPoints",
      "reviewComment",
      "reviewer",
      "reviewedAt",
    ],
    rows: (p) =>
      ((p.transcript ?? []) as Turn[]).map((t, i) => [
        p.id,
        p.scenarioSlug,
        i + 1,
        t.stepId,
        t.answer.type,
        t.answer.type === "choice" ? t.answer.choiceId : null,
        t.answer.type === "text" ? t.answer.text : null,
        t.points,
        t.feedback,
        t.moodAfter,
        t.review?.points,
        t.review?.comment,
        t.review?.reviewerName,
        t.review?.at,
      ]),
  },
  {
    file: "role-play-scores.csv",
    section: "plays",
    header: ["attemptId", "scenarioSlug", "competency", "score", "maxScore"],
    rows: (p) =>
      ((p.competencies ?? []) as Row[]).map((c) => [p.id, p.scenarioSlug, c.competency, c.score, c.maxScore]),
  },
];

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** A cell: nested values as JSON; the CSV helper neutralises formulas and writes dates as ISO. */
const cell = (v: unknown) =>
  v !== null && typeof v === "object" && !(v instanceof Date) ? JSON.stringify(v) : v;

function csvEntry(
  file: string,
  header: readonly string[],
  pages: () => AsyncIterable<unknown[][]>,
): ZipEntry {
  return {
    name: file,
    content: async function* () {
      yield BOM + csvLine(header);
      for await (const rows of pages()) yield rows.map((r) => csvLine(r.map(cell))).join("");
    },
  };
}

async function* mapPages(section: DataSection, map: (row: Row) => unknown[][]) {
  for await (const page of section.pages()) yield page.flatMap(map);
}

/**
 * The files of an export, in order: my-data.json with everything, then profile.csv and one CSV per
 * section (UTF-8 with a BOM, so Excel shows Chinese), each followed by its detail CSVs.
 */
export function exportFiles({ profile, sections, exportedAt }: PersonData): ZipEntry[] {
  const json: ZipEntry = {
    name: JSON_FILE,
    content: async function* () {
      yield `{"format":${JSON.stringify(FORMAT)},"exportedAt":${JSON.stringify(exportedAt)},\n"profile":${JSON.stringify(profile)}`;
      for (const section of sections) {
        yield `,\n${JSON.stringify(section.name)}:[`;
        let first = true;
        for await (const page of section.pages()) {
          if (page.length === 0) continue;
          yield (first ? "\n" : ",\n") + page.map((row) => JSON.stringify(row)).join(",\n");
          first = false;
        }
        yield "]";
      }
      yield "}\n";
    },
  };
  const profileKeys = Object.keys(profile);
  const files = [
    json,
    csvEntry("profile.csv", profileKeys, async function* () {
      yield [profileKeys.map((k) => profile[k])];
    }),
  ];
  for (const section of sections) {
    files.push(
      csvEntry(`${kebab(section.name)}.csv`, section.columns, () =>
        mapPages(section, (row) => [section.columns.map((c) => row[c])]),
      ),
    );
    for (const detail of DETAILS.filter((d) => d.section === section.name)) {
      files.push(csvEntry(detail.file, detail.header, () => mapPages(section, detail.rows)));
    }
  }
  return files;
}
