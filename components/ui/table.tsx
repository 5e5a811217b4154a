import { EmptyState } from "./empty-state";
import { ScrollRegion } from "./scroll-region";

export type Column =
  | string
  | {
      label: React.ReactNode;
      key?: string;
      align?: "right";
      className?: string;
      /** The column the rows are sorted by, and which way. */
      sort?: "ascending" | "descending";
    };

/** The first column stays in view while the rest scrolls under it (opaque, above the others). */
const STICKY_FIRST =
  "[&_tr>*:first-child]:sticky [&_tr>*:first-child]:left-0 [&_tr>*:first-child]:z-10 [&_tbody_tr>*:first-child]:bg-surface [&_thead_tr>*:first-child]:bg-slate-50 [&_tr>*:first-child]:shadow-[1px_0_0_var(--color-slate-200)]";

/**
 * A table of records that scrolls sideways on a narrow screen instead of widening the page: a
 * focusable, labelled scroll region whose first column stays put, with a fade and `scrollHint` while
 * columns are out of sight. A caption (for screen readers unless `showCaption`), a header row and,
 * when `isEmpty`, an empty state instead of a bare header. `children` are the body rows.
 */
export function Table({
  caption,
  showCaption = false,
  columns,
  empty,
  isEmpty = false,
  framed = true,
  className = "",
  testId,
  scrollHint,
  stickyFirst = true,
  children,
}: {
  caption: string;
  showCaption?: boolean;
  columns: readonly Column[];
  empty?: React.ReactNode;
  isEmpty?: boolean;
  /** A white card with a ring (the default), or bare inside something that already is one. */
  framed?: boolean;
  className?: string;
  testId?: string;
  /** Shown under the table while some of it is out of sight ("swipe sideways for more"). */
  scrollHint?: string;
  stickyFirst?: boolean;
  children: React.ReactNode;
}) {
  if (isEmpty && empty) return <EmptyState>{empty}</EmptyState>;
  return (
    <ScrollRegion
      label={caption}
      hint={scrollHint}
      className={`${framed ? "overflow-hidden rounded-lg bg-white ring-1 ring-slate-200" : ""} ${className}`}
    >
      <table
        className={`w-full border-collapse text-left text-sm ${stickyFirst ? STICKY_FIRST : ""}`}
        data-testid={testId}
      >
        <caption className={showCaption ? "px-3 pt-3 text-left text-slate-600" : "sr-only"}>
          {caption}
        </caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            {columns.map((c, i) => {
              const column: Exclude<Column, string> = typeof c === "string" ? { label: c } : c;
              return (
                <th
                  key={typeof c === "string" ? c : (c.key ?? i)}
                  scope="col"
                  aria-sort={column.sort}
                  className={`px-3 py-2 font-medium whitespace-nowrap ${column.align === "right" ? "text-right" : ""} ${column.className ?? ""}`}
                >
                  {column.label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">{children}</tbody>
      </table>
    </ScrollRegion>
  );
}
