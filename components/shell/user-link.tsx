import { Link } from "@/components/ui/link";

/** The signed-in person in the header: their name opens their profile (details, and their data to download). */
export function UserLink({ name, detail, title }: { name: string; detail: string; title?: string }) {
  return (
    <Link
      href="/me"
      prefetch={false}
      title={title}
      className="block rounded-md px-2 py-1 text-right text-sm leading-tight hover:bg-white/10"
    >
      <span className="block font-medium">{name}</span>
      <span className="block text-xs text-white/80">{detail}</span>
    </Link>
  );
}
