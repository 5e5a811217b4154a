/** The look of a text input or select inside a Field. */
export const CONTROL = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2";

type FieldProps = {
  label: React.ReactNode;
  /** Shown under the control and read with it (aria-describedby), outside the label so the name stays short. */
  hint?: React.ReactNode;
  /** Classes of the field as a whole (grid placement, widths). */
  className?: string;
};

function Labelled({
  id,
  label,
  hint,
  className = "",
  children,
}: FieldProps & { id: string; children: React.ReactNode }) {
  const labelled = (
    <label htmlFor={id} className={`block text-sm font-medium ${hint ? "" : className}`}>
      {label}
      {children}
    </label>
  );
  if (!hint) return labelled;
  return (
    <div className={className}>
      {labelled}
      <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
        {hint}
      </p>
    </div>
  );
}

/**
 * A labelled text input: the label wraps the control (so its text is the control's accessible
 * name, and a click focuses it) and a hint is tied to it. Every other attribute goes to the input.
 */
export function Field({
  label,
  hint,
  className,
  id,
  ...input
}: FieldProps & React.InputHTMLAttributes<HTMLInputElement> & { id: string }) {
  return (
    <Labelled id={id} label={label} hint={hint} className={className}>
      <input id={id} aria-describedby={hint ? `${id}-hint` : undefined} className={CONTROL} {...input} />
    </Labelled>
  );
}

export type SelectOption = { value: string; label: string };

/**
 * A labelled select, built like Field. `options` are the choices; `children` come first (an "any"
 * option, or optgroups instead of options).
 */
export function Select({
  label,
  hint,
  className,
  id,
  options = [],
  children,
  ...select
}: FieldProps &
  React.SelectHTMLAttributes<HTMLSelectElement> & { id: string; options?: readonly SelectOption[] }) {
  return (
    <Labelled id={id} label={label} hint={hint} className={className}>
      <select id={id} aria-describedby={hint ? `${id}-hint` : undefined} className={CONTROL} {...select}>
        {children}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Labelled>
  );
}
