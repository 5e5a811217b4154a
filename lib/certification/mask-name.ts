/** A holder's name as the public verify page shows it: 张*明, 王*, 欧**锋. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join("");
  if (chars.length === 2) return `${chars[0]}*`;
  const middle = chars.slice(1, -1).map((c) => (c === " " ? " " : "*"));
  return [chars[0], ...middle, chars.at(-1)].join("");
}
