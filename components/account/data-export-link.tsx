import { buttonClass } from "@/components/ui/button";

/** The download of a person's data as a zip (app/api/data-export), on the profile and the admin's person page. */
export function DataExportLink({ userId, label }: { userId: string; label: string }) {
  return (
    <a
      href={`/api/data-export/${encodeURIComponent(userId)}`}
      download
      className={`mt-4 inline-block ${buttonClass("primary", "sm")}`}
    >
      {label}
    </a>
  );
}
