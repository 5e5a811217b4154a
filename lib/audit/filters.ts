/** Audit-log filters from a query string, shared by the page and its CSV export. Bad values are dropped. */
export function parseAuditFilters(get: (key: string) => string | null | undefined) {
  const text = (key: string, max = 64) => {
    const v = get(key)?.trim();
    return v ? v.slice(0, max) : undefined;
  };
  const day = (key: string) => {
    const v = get(key);
    return v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined;
  };
  const action = text("action");
  return {
    action: action && /^[a-z_.-]+$/.test(action) ? action : undefined,
    actor: text("actor", 32),
    target: text("target"),
    from: day("from"),
    to: day("to"),
  };
}
