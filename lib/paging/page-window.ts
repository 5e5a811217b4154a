/** One page of a list: which page is shown (clamped into range), how many there are, and the row offset. */
export type PageWindow = { page: number; pages: number; offset: number; size: number };

/** Page numbers start at 1; a page past the end shows the last one, and an empty list has one empty page. */
export function pageWindow({ page, total, size }: { page: number; total: number; size: number }): PageWindow {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`page size must be a positive integer: ${size}`);
  const pages = Math.max(1, Math.ceil(Math.max(0, total) / size));
  const shown = Math.min(Math.max(1, Number.isFinite(page) ? Math.floor(page) : 1), pages);
  return { page: shown, pages, offset: (shown - 1) * size, size };
}
