import "server-only";
import { getTranslations } from "next-intl/server";
import { getCatalog } from "@/db/queries/content-catalog";
import type { Notification } from "@/db/schema";
import { formatDate } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/locales";
import type { AssignmentItemType } from "@/lib/training/assignment-status";
import { itemTitle } from "@/lib/training/item-title";

/** What a notification says, in the reader's language, with its item's title and dates filled in. */
export async function notificationText(locale: Locale): Promise<(n: Notification) => string> {
  const [catalog, t] = await Promise.all([getCatalog(), getTranslations("notifications")]);
  return (n) => {
    const p = n.payload;
    return t(`kind.${n.kind}`, {
      item: p.itemType ? itemTitle(catalog, p.itemType as AssignmentItemType, p.itemSlug ?? "", locale) : "",
      due: p.dueDate ? formatDate(p.dueDate, locale) : "",
      code: p.code ?? "",
      expires: p.expiresAt ? formatDate(p.expiresAt, locale) : "",
    });
  };
}
