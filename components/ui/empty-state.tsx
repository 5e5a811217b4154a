/** What a list or table shows when it has nothing in it: a quiet dashed box with one sentence. */
export function EmptyState({
  children,
  compact = false,
  className = "",
}: {
  children: React.ReactNode;
  compact?: boolean;
  /** Spacing around the box (margins), not its look. */
  className?: string;
}) {
  return (
    <p
      className={`rounded-lg border border-dashed border-slate-300 bg-white text-slate-600 ${compact ? "p-4" : "p-6"} ${className}`}
    >
      {children}
    </p>
  );
}
