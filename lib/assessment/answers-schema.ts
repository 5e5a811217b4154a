import { z } from "zod";

/** Answers as the browser names them: item key ("<chapter>/<question>") → the picked options' tokens. */
export const answersSchema = z
  .record(z.string().min(1).max(120), z.array(z.string().min(1).max(32)).max(12))
  .refine((answers) => Object.keys(answers).length <= 60, "at most 60 questions");

export const submissionSchema = z.strictObject({
  attemptId: z.uuid(),
  answers: answersSchema,
});
