import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const id = z.string().regex(ID, "must be lowercase words joined by hyphens");
const text = z.string().trim().min(1);
const points = z.record(z.string(), z.number().int().min(-10).max(10)).default({});
const mood = z.number().int().min(1).max(5);

const outcome = { points, moodChange: z.number().int().min(-2).max(2).optional(), feedback: text, next: id };
const choice = z.strictObject({ id, text, ...outcome });
const choices = z
  .array(choice)
  .min(2, "a step needs 2–4 choices")
  .max(4, "a step needs 2–4 choices")
  .refine((cs) => new Set(cs.map((c) => c.id)).size === cs.length, "choice ids must be unique within a step");

const base = { customer: text, narration: text.optional(), mood: mood.optional() };

/** A rubric phrase: a number such as 380000 is read as text. Bounded: trainers' rubrics are untrusted. */
const phrase = z.coerce.string().trim().min(1).max(40);
const phrases = z.array(phrase).min(1).max(60);
/** Groups of interchangeable words: a phrase with one of them also counts with any other of the group. */
const synonyms = z
  .array(z.array(phrase).min(2, "a synonym group needs at least two words").max(16))
  .max(20)
  .default([]);

const rubricElement = z.strictObject({
  id,
  label: text,
  competency: id,
  points: z.number().int().min(1).max(3),
  accept: phrases,
  synonyms,
});
const forbiddenPhrase = z.strictObject({
  id,
  label: text,
  competency: id,
  points: z.number().int().min(1).max(5),
  phrases,
  synonyms,
});

export const stepSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("choice"), ...base, choices }),
  z.strictObject({
    kind: z.literal("timed"),
    ...base,
    timeLimit: z.number().int().min(3).max(120),
    choices,
    onTimeout: z.strictObject(outcome),
  }),
  z.strictObject({
    kind: z.literal("text"),
    ...base,
    prompt: text,
    rubric: z.strictObject({
      required: z.array(rubricElement).min(1, "a rubric needs at least one required element"),
      forbidden: z.array(forbiddenPhrase).default([]),
    }),
    modelAnswer: text,
    branches: z.array(z.strictObject({ minPoints: z.number().int(), next: id })).default([]),
    next: id,
  }),
  z.strictObject({
    kind: z.literal("end"),
    customer: text.optional(),
    narration: text.optional(),
    mood: mood.optional(),
    outcome: id,
    outcomeLabel: text,
    debrief: text,
  }),
]);

export const scenarioSchema = z.strictObject({
  slug: id,
  locale: z.enum(LOCALES),
  title: text,
  summary: text,
  estimatedMinutes: z.number().int().min(1).max(120),
  passScore: z.number().int().min(1).max(100),
  competencies: z.array(z.strictObject({ id, label: text })).min(1),
  start: id,
  steps: z.record(id, stepSchema),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type Step = z.infer<typeof stepSchema>;
