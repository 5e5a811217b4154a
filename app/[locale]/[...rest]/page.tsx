import { notFound } from "next/navigation";

/** Any address no page matches: the localized 404 page. */
export default function CatchAll() {
  notFound();
}
