import { z } from "zod";

export const submissionSchema = z.strictObject({
  attemptId: z.uuid(),
  /** The revision the learner's page showed (scored against its questions); absent: the current one. */
  version: z.string().min(1).max(64).optional(),
  answers: z.record(z.string().max(40), z.array(z.string().max(40)).max(12)),
});
