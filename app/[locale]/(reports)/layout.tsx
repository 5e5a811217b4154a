import { SignedInShell } from "@/app/[locale]/shell";

export default function Layout({ children }: { children: React.ReactNode }) {
  return <SignedInShell>{children}</SignedInShell>;
}
