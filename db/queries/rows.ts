/** libSQL rows are array-like objects, not arrays: these are plain tuples to destructure. */
export function tuples<T extends unknown[]>(rows: readonly unknown[]): T[] {
  return rows.map((r) => Array.from(r as ArrayLike<unknown>) as T);
}
