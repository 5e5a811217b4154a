/** A share in percent with one decimal, rounded half up; null when there is nobody to count. */
export function share(count: number, of: number): number | null {
  if (of <= 0) return null;
  return Math.round((count * 1000) / of) / 10;
}

/** An average percentage with one decimal; null when nobody has a value. */
export function average(sum: number, count: number): number | null {
  if (count <= 0) return null;
  return Math.round((sum * 10) / count) / 10;
}

/** A percentage for display: "66.7%", or "—" when there is nothing to show. */
export function formatPercent(value: number | null, locale: string): string {
  if (value === null) return "—";
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)}%`;
}
