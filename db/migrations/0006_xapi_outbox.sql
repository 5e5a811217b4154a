CREATE TABLE `xapi_forwarder` (
	`id` text PRIMARY KEY NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`paused_until` integer,
	`last_success_at` integer,
	`last_error_at` integer,
	`last_error` text
);
--> statement-breakpoint
CREATE TABLE `xapi_outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`statement` text NOT NULL,
	`created_at` integer NOT NULL,
	`claimed_by` text,
	`claimed_at` integer,
	`sent_at` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`next_attempt_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `xapi_outbox_id_unique` ON `xapi_outbox` (`id`);--> statement-breakpoint
CREATE INDEX `xapi_outbox_queue_idx` ON `xapi_outbox` (`seq`) WHERE sent_at is null;--> statement-breakpoint
CREATE INDEX `xapi_outbox_claim_idx` ON `xapi_outbox` (`claimed_at`) WHERE sent_at is null;--> statement-breakpoint
CREATE INDEX `xapi_outbox_sent_idx` ON `xapi_outbox` (`sent_at`) WHERE sent_at is not null;