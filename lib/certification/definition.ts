import { z } from "zod";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const requirements = {
  chapters: z.array(slug),
  scenarios: z.array(z.strictObject({ slug, minPercent: z.number().int().min(1).max(100) })),
};

export const certificationSchema = z.strictObject({
  id: slug,
  name: z.strictObject({ "zh-CN": z.string().min(1), en: z.string().min(1) }),
  ...requirements,
  validityMonths: z.number().int().min(1).max(120).default(12),
  renewalWindowDays: z.number().int().min(1).max(365).default(60),
  renewal: z.strictObject(requirements),
});

export type Certification = z.infer<typeof certificationSchema>;
export type Requirements = Pick<Certification, "chapters" | "scenarios">;
