import { z } from "zod";
import { isContentId } from "@/lib/content/ids";

/** An item key as the browser names it: "<chapter>/<question>", both content ids (never "__proto__"). */
const itemKey = z
  .string()
  .max(81)
  .refine((key) => {
    const [slug, question, ...rest] = key.split("/");
    return rest.length === 0 && isContentId(slug ?? "") && isContentId(question ?? "");
  }, "not an item key");
/** An option token of the attempt (base64url, from lib/assessment/attempt-items.ts). */
const token = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "not an option token");

/** Answers as the browser names them: item key → the picked options' tokens. */
export const answersSchema = z
  .unknown()
  // zod leaves a "__proto__" key out of a record without a word: refuse the answers instead.
  .refine((v) => typeof v !== "object" || v === null || !Object.hasOwn(v, "__proto__"), "reserved key")
  .pipe(z.record(itemKey, z.array(token).max(12)))
  .refine((answers) => Object.keys(answers).length <= 60, "at most 60 questions");

export const submissionSchema = z.strictObject({
  attemptId: z.uuid(),
  answers: answersSchema,
});
