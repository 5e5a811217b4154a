import type { AuditField } from "@/lib/audit/display";
import type { AuditViewRow } from "./audit-view";

type Labels = Record<"when" | "who" | "what" | "target" | "before" | "after", string> & {
  caption: string;
  /** "：" in Chinese, ": " in English. */
  colon: string;
};

function Fields({ fields, colon }: { fields: AuditField[]; colon: string }) {
  if (fields.length === 0) return <span className="text-slate-500">—</span>;
  return (
    <dl className="space-y-0.5">
      {fields.map((f) => (
        <div key={f.key || f.value} className="[overflow-wrap:anywhere]">
          {f.label && <dt className="inline text-slate-600">{`${f.label}${colon}`}</dt>}
          <dd className="inline">{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The audit entries: a fixed-layout table whose columns share the width and wrap long values
 * (so none is cut off at 1280 px, in either language), and on a phone one card per entry.
 */
export function AuditEntries({
  entries,
  when,
  labels,
}: {
  entries: AuditViewRow[];
  when: (d: Date) => string;
  labels: Labels;
}) {
  const columns = [
    ["when", "w-[13%]"],
    ["who", "w-[15%]"],
    ["what", "w-[12%]"],
    ["target", "w-[18%]"],
    ["before", "w-[21%]"],
    ["after", "w-[21%]"],
  ] as const;
  return (
    <>
      <div className="hidden rounded-lg bg-white ring-1 ring-slate-200 md:block" data-testid="audit-table">
        <table className="w-full table-fixed border-collapse text-left text-sm">
          <caption className="sr-only">{labels.caption}</caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              {columns.map(([key, width]) => (
                <th key={key} scope="col" className={`${width} px-3 py-2 font-medium`}>
                  {labels[key]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {entries.map((e) => (
              <tr key={e.row.id} className="align-top [overflow-wrap:anywhere]">
                <td className="px-3 py-2 tabular-nums">{when(e.row.createdAt)}</td>
                <td className="px-3 py-2">{e.who}</td>
                <td className="px-3 py-2 font-medium">{e.action}</td>
                <td className="px-3 py-2">{e.subject}</td>
                <td className="px-3 py-2 text-xs">
                  <Fields fields={e.before} colon={labels.colon} />
                </td>
                <td className="px-3 py-2 text-xs">
                  <Fields fields={e.after} colon={labels.colon} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ol className="space-y-3 md:hidden" aria-label={labels.caption} data-testid="audit-cards">
        {entries.map((e) => (
          <li key={e.row.id} className="rounded-lg bg-white p-3 text-sm ring-1 ring-slate-200">
            <p className="font-medium">{e.action}</p>
            <p className="text-slate-600 tabular-nums">{when(e.row.createdAt)}</p>
            <dl className="mt-2 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1 [overflow-wrap:anywhere]">
              <dt className="text-slate-600">{labels.who}</dt>
              <dd>{e.who}</dd>
              <dt className="text-slate-600">{labels.target}</dt>
              <dd>{e.subject}</dd>
              <dt className="text-slate-600">{labels.before}</dt>
              <dd className="text-xs">
                <Fields fields={e.before} colon={labels.colon} />
              </dd>
              <dt className="text-slate-600">{labels.after}</dt>
              <dd className="text-xs">
                <Fields fields={e.after} colon={labels.colon} />
              </dd>
            </dl>
          </li>
        ))}
      </ol>
    </>
  );
}
