/**
 * A name in the reader's language: `x.name`, or `x.nameEn` for English (branches keep both). `key`
 * names another pair in a joined row, e.g. `localName(row, locale, "branchName")` reads
 * `branchName` / `branchNameEn`.
 */
export function localName<K extends string = "name">(
  x: NoInfer<{ [P in K | `${K}En`]: string }>,
  locale: string,
  key: K = "name" as K,
): string {
  return locale === "en" ? x[`${key}En` as `${K}En`] : x[key];
}
