import { z } from "zod";
import { isContentId } from "@/lib/content/ids";

// Question and option ids as trainers may write them: "__proto__" or "constructor" is no key here.
const contentId = z.string().max(40).refine(isContentId, "not a question or option id");

export const submissionSchema = z.strictObject({
  attemptId: z.uuid(),
  /** The revision the learner's page showed (scored against its questions); absent: the current one. */
  version: z.string().min(1).max(64).optional(),
  // zod leaves a "__proto__" key out of a record without a word: refuse the submission instead.
  answers: z
    .unknown()
    .refine((v) => typeof v !== "object" || v === null || !Object.hasOwn(v, "__proto__"), "reserved key")
    .pipe(z.record(contentId, z.array(contentId).max(12))),
});
