const TONES = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  dark: "bg-slate-800 text-white hover:bg-slate-900",
  danger: "bg-red-700 text-white hover:bg-red-800",
  secondary: "border border-slate-300 bg-white hover:bg-slate-50",
};
const SIZES = { md: "px-4 py-2", lg: "px-5 py-2.5", sm: "px-3 py-1.5 text-sm" };
export type ButtonTone = keyof typeof TONES;

/**
 * The look of every button: a `<button>`, a link that acts as one, a `<summary>` that opens a
 * confirmation, or a form's submit (SubmitButton). `aria-disabled` dims it while it waits.
 */
export function buttonClass(tone: ButtonTone = "primary", size: keyof typeof SIZES = "md"): string {
  return `rounded-md font-medium aria-disabled:opacity-60 ${SIZES[size]} ${TONES[tone]}`;
}

/** A plain button (`type="button"` unless given). For a form's submit with a pending state, see SubmitButton. */
export function Button({
  tone = "primary",
  size = "md",
  className = "",
  type = "button",
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { tone?: ButtonTone; size?: keyof typeof SIZES }) {
  return <button type={type} className={`${buttonClass(tone, size)} ${className}`} {...props} />;
}
