/** An encoded slash or backslash, which no address of this app contains. */
const ENCODED_SEPARATOR = /%(2f|5c)/i;
/** A `.` or `..` segment after decoding: never resolved the same way by every layer. */
const DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;

/**
 * The path as Next.js routes it, with every percent-encoding decoded (`/learn/basic%2Dskills` and
 * `/learn/%62asic-skills` are `/learn/basic-skills`), so the proxy checks the page that will be
 * served, not the spelling of its address. Null for an address no page of the app can have: a
 * malformed encoding (`%FF`, `%E4%BD`), an encoded `/` or `\`, a dot segment or a control
 * character.
 */
export function canonicalPath(pathname: string): string | null {
  if (ENCODED_SEPARATOR.test(pathname)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (DOT_SEGMENT.test(decoded) || /[\u0000-\u001f\u007f\\]/.test(decoded)) return null;
  return decoded;
}
