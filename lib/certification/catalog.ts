import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { type Certification, certificationSchema } from "./definition";

const DIR = path.join(process.cwd(), "content", "certifications");

export type CertificationFile = {
  file: string;
  result: { certification: Certification } | { problems: string[] };
};

/** Every certification definition under content/certifications, validated by its schema. */
export function certificationFiles(): CertificationFile[] {
  return readdirSync(DIR)
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => {
      const file = path.join(DIR, name);
      try {
        const parsed = certificationSchema.safeParse(parse(readFileSync(file, "utf8")));
        return {
          file,
          result: parsed.success
            ? { certification: parsed.data }
            : { problems: parsed.error.issues.map((i) => `${i.path.join(".") || "file"}: ${i.message}`) },
        };
      } catch (e) {
        return { file, result: { problems: [`YAML: ${e instanceof Error ? e.message.split("\n")[0] : e}`] } };
      }
    });
}

let loaded: Certification[] | null = null;

/** The valid certification definitions, read once per process (content:check reports invalid ones). */
export function certifications(): Certification[] {
  loaded ??= certificationFiles().flatMap((f) =>
    "certification" in f.result ? [f.result.certification] : [],
  );
  return loaded;
}

export function findCertification(id: string): Certification | null {
  return certifications().find((c) => c.id === id) ?? null;
}
