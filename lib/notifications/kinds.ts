/**
 * Every kind of in-app notification (each also an e-mail). The schema's `notifications.kind`
 * column takes this closed set; lib/reminders plans three of them, the write paths the rest.
 */
export const NOTIFICATION_KINDS = [
  "assigned",
  "due-soon",
  "overdue",
  "certificate-issued",
  "certificate-expiring",
  "certificate-revoked",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
