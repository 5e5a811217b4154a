CREATE TABLE `content_drafts` (
	`kind` text NOT NULL,
	`slug` text NOT NULL,
	`source_zh` text NOT NULL,
	`source_en` text,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` text,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	PRIMARY KEY(`kind`, `slug`),
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `content_items` (
	`kind` text NOT NULL,
	`slug` text NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	PRIMARY KEY(`kind`, `slug`),
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `content_revisions` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`slug` text NOT NULL,
	`number` integer NOT NULL,
	`source_zh` text NOT NULL,
	`source_en` text,
	`note` text NOT NULL,
	`major` integer DEFAULT false NOT NULL,
	`rollback_of` integer,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `content_revisions_item_number_unique` ON `content_revisions` (`kind`,`slug`,`number`);--> statement-breakpoint
CREATE INDEX `content_revisions_major_idx` ON `content_revisions` (`kind`,`slug`,`major`,`created_at`);--> statement-breakpoint
ALTER TABLE `learner_item_stats` ADD `relearn` integer DEFAULT false NOT NULL;