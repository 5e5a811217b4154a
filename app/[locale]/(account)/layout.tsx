import { SignedInShell } from "@/app/[locale]/shell";

/** Pages about the signed-in person themselves, whatever their role. */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <SignedInShell>{children}</SignedInShell>;
}
