/** U+2212, the minus sign typography uses in both locales (not the hyphen-minus "-"). */
export const MINUS = "\u2212";

/** A point value for display: "+3", "0", "−2" (a real minus sign). */
export function signedPoints(n: number, { plus = true } = {}): string {
  if (n < 0) return `${MINUS}${Math.abs(n)}`;
  return plus && n > 0 ? `+${n}` : String(n);
}

/**
 * A skill's points as the result counts them: below zero counts as zero and never more than the
 * maximum (as `result` in the engine sums them), with what was actually earned when that differs,
 * so a raw negative total never stands unexplained beside a percentage.
 */
export function skillPoints(score: number, max: number) {
  const counted = Math.min(Math.max(0, score), max);
  return { counted, max, earned: counted === score ? null : signedPoints(score, { plus: false }) };
}
