/** The verify pages' card: a title and what was found. */
export function VerifyPanel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-2xl font-semibold">{title}</h1>
      {children}
    </section>
  );
}
