import { z } from "zod";

export const submissionSchema = z.strictObject({
  attemptId: z.uuid(),
  answers: z.record(z.string().max(40), z.array(z.string().max(40)).max(12)),
});
