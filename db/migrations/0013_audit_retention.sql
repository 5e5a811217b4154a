-- Custom SQL migration (drizzle-kit generate --custom): what the schema cannot say about retention.
-- audit_log stays append-only, but an entry may now leave it through `npm run audit:archive`, and
-- only so: the delete trigger passes a row when (a) it is older than 180 days (15,552,000 s) by the
-- database's own clock and (b) a permit exists for an archive whose cutoff lies after the row. A
-- permit can be written only for an archive made within the last minute, an archive's cutoff can
-- never be younger than 180 days, and archives are append-only. The archive command writes the
-- archive row, the permit, the deletion, its own audit entry (which fails the whole batch unless
-- exactly the archived number of rows went) and the permit's removal in one batch, so no permit
-- outlives it. IF EXISTS / IF NOT EXISTS: safe to apply to a database that already has these.
DROP TRIGGER IF EXISTS `audit_log_no_delete`;--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log` WHEN NOT (old.created_at < unixepoch() - 15552000 AND EXISTS (SELECT 1 FROM `audit_archive_permits` p JOIN `audit_archives` a ON a.id = p.archive_id WHERE old.created_at < a.cutoff)) BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: entries older than 180 days leave only through npm run audit:archive'); END;--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `audit_archives_no_update` BEFORE UPDATE ON `audit_archives` BEGIN SELECT RAISE(ABORT, 'audit_archives is append-only'); END;--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `audit_archives_no_delete` BEFORE DELETE ON `audit_archives` BEGIN SELECT RAISE(ABORT, 'audit_archives is append-only'); END;--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `audit_archives_keep_180_days` BEFORE INSERT ON `audit_archives` WHEN new.cutoff > unixepoch() - 15552000 BEGIN SELECT RAISE(ABORT, 'audit entries are kept at least 180 days'); END;--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `audit_archive_permits_fresh` BEFORE INSERT ON `audit_archive_permits` WHEN NOT EXISTS (SELECT 1 FROM `audit_archives` WHERE id = new.archive_id AND created_at >= unixepoch() - 60) BEGIN SELECT RAISE(ABORT, 'a permit is only for the archive being written'); END;--> statement-breakpoint
-- Passwords set before this migration count as set now: PASSWORD_MAX_AGE_DAYS runs from here.
UPDATE `users` SET `password_changed_at` = unixepoch() WHERE `password_hash` IS NOT NULL AND `password_changed_at` IS NULL;
