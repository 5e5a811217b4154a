import type { TocEntry } from "@/lib/content/types";

export function ChapterToc({
  label,
  toc,
  checkTitle,
}: {
  label: string;
  toc: TocEntry[];
  checkTitle: string;
}) {
  return (
    <nav
      aria-label={label}
      className="rounded-lg border border-slate-200 bg-white p-4 text-sm"
      data-print-hidden
    >
      <p className="mb-2 font-semibold text-slate-900">{label}</p>
      <ol className="space-y-1.5">
        {toc.map((entry) => (
          <li key={entry.id}>
            <a href={`#${entry.id}`} className="text-brand-700 hover:underline">
              {entry.title}
            </a>
          </li>
        ))}
        <li>
          <a href="#knowledge-check" className="text-brand-700 hover:underline">
            {checkTitle}
          </a>
        </li>
      </ol>
    </nav>
  );
}
