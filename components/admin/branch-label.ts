import { localName } from "@/lib/i18n/local-name";
/** "　　静安支行 (EAST-JA)": a branch indented by its depth, for a select or a tree. */
export function branchOptionLabel(
  b: { path: string; name: string; nameEn: string; code: string },
  locale: string,
) {
  const depth = b.path.split("/").filter(Boolean).length - 1;
  return `${"\u3000".repeat(depth)}${localName(b, locale)} (${b.code})`;
}
