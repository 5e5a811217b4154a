/**
 * A table of records that scrolls sideways on a phone, with an empty state instead of a bare header.
 * `children` are the body rows.
 */
export function DataTable({
  caption,
  columns,
  empty,
  isEmpty,
  children,
}: {
  caption: string;
  columns: string[];
  empty: string;
  isEmpty: boolean;
  children: React.ReactNode;
}) {
  if (isEmpty) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">{empty}</p>
    );
  }
  return (
    <div className="relative overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            {columns.map((label) => (
              <th key={label} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">{children}</tbody>
      </table>
    </div>
  );
}
