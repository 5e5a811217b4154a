import { z } from "zod";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const requirements = {
  chapters: z.array(slug),
  scenarios: z.array(z.strictObject({ slug, minPercent: z.number().int().min(1).max(100) })),
};

/** The timed certification exam: questions drawn from the chapters' pools, `weights` per chapter. */
const examSchema = z
  .strictObject({
    questions: z.number().int().min(1).max(200),
    /** How many of the exam's questions each chapter's pool gives. */
    weights: z.record(slug, z.number().int().min(1).max(100)),
    timeLimitMinutes: z.number().int().min(1).max(480).default(30),
    passScore: z.number().int().min(1).max(100).default(80),
    /** The wait between the start of one exam attempt and the next. */
    retakeAfterHours: z.number().int().min(0).max(720).default(24),
  })
  .refine((e) => Object.values(e.weights).reduce((n, w) => n + w, 0) === e.questions, {
    message: "the weights must add up to questions",
    path: ["weights"],
  });

export const certificationSchema = z
  .strictObject({
    id: slug,
    name: z.strictObject({ "zh-CN": z.string().min(1), en: z.string().min(1) }),
    ...requirements,
    validityMonths: z.number().int().min(1).max(120).default(12),
    renewalWindowDays: z.number().int().min(1).max(365).default(60),
    renewal: z.strictObject(requirements),
    /** When present, passing it is required for the certificate and for each renewal. */
    exam: examSchema.optional(),
  })
  .superRefine((c, ctx) => {
    for (const chapter of Object.keys(c.exam?.weights ?? {})) {
      if (!c.chapters.includes(chapter))
        ctx.addIssue({
          code: "custom",
          path: ["exam", "weights", chapter],
          message: `"${chapter}" is not one of the certification's chapters`,
        });
    }
  });

export type Certification = z.infer<typeof certificationSchema>;
export type Exam = NonNullable<Certification["exam"]>;
export type Requirements = Pick<Certification, "chapters" | "scenarios">;

/** The exam's draw per chapter, in the certification's chapter order (none without an exam). */
export function examShares(def: Certification): { slug: string; count: number }[] {
  const weights = new Map(Object.entries(def.exam?.weights ?? {}));
  return def.chapters.flatMap((slug) => {
    const count = weights.get(slug);
    return count ? [{ slug, count }] : [];
  });
}
