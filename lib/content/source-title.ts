/** The `title:` of a module's front matter or a scenario's YAML, for lists; null when absent. */
export function sourceTitle(source: string): string | null {
  const match = /^title:\s*(.+?)\s*$/m.exec(source);
  return match?.[1]?.replace(/^["']|["']$/g, "") || null;
}
