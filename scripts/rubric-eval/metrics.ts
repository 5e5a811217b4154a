/** True and false positives and false negatives of one kind of decision. */
export type Counts = { tp: number; fp: number; fn: number };

export const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function tally(counts: Counts, said: boolean, truth: boolean): void {
  if (said && truth) counts.tp++;
  else if (said) counts.fp++;
  else if (truth) counts.fn++;
}

export const sum = (all: Counts[]): Counts =>
  all.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), zero());

/** Precision, recall and F1; a measure with nothing to measure (no positives said or true) is 1. */
export function scores({ tp, fp, fn }: Counts): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
