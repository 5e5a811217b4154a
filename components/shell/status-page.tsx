import { buttonClass } from "@/components/ui/button";
import { Link } from "@/components/ui/link";

export function StatusPage({
  code,
  title,
  body,
  homeLabel,
}: {
  code: string;
  title: string;
  body: string;
  homeLabel: string;
}) {
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4">
      <div className="max-w-md text-center">
        <p className="text-5xl font-bold text-brand-700">{code}</p>
        <h1 className="mt-4 text-2xl font-semibold">{title}</h1>
        <p className="mt-2 text-slate-600">{body}</p>
        <Link href="/" className={`mt-6 inline-block ${buttonClass()}`}>
          {homeLabel}
        </Link>
      </div>
    </main>
  );
}
