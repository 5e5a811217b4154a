-- Custom SQL migration (drizzle-kit generate --custom): what the schema cannot say. The audit log is
-- append-only and published revisions are immutable; the app has no way to change either, and these
-- triggers refuse it to anyone else too. IF NOT EXISTS: databases migrated before this file already
-- have them (they used to be appended to 0003 and 0004).
CREATE TRIGGER IF NOT EXISTS `audit_log_no_update` BEFORE UPDATE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `audit_log_no_delete` BEFORE DELETE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `content_revisions_no_update` BEFORE UPDATE ON `content_revisions` BEGIN SELECT RAISE(ABORT, 'content_revisions are immutable'); END;--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `content_revisions_no_delete` BEFORE DELETE ON `content_revisions` BEGIN SELECT RAISE(ABORT, 'content_revisions are immutable'); END;
