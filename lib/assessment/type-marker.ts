/**
 * A trailing "（多选）", "(单选)", "（判断题）" or "(select all that apply)" that a trainer typed into a
 * prompt: the question box states the type itself, so the prompt's own marker would say it twice.
 */
const TRAILING_MARKER =
  /\s*[（(]\s*(?:单选题?|多选题?|不定项选择题?|判断题?|多选[，,、]?\s*选出所有正确项|single choice|choose one|multiple choice|choose all that apply|select all that apply|true or false)\s*[）)]\s*$/i;

/** The prompt without a type marker at its end (one only; a marker inside the sentence stays). */
export function withoutTypeMarker(prompt: string): string {
  const stripped = prompt.replace(TRAILING_MARKER, "");
  return stripped.length > 0 ? stripped : prompt;
}
