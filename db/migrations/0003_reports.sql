CREATE TABLE `branch_report_state` (
	`branch_id` text PRIMARY KEY NOT NULL,
	`learners` integer NOT NULL,
	`fingerprint` integer NOT NULL,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `branch_report_stats` (
	`branch_id` text NOT NULL,
	`key` text NOT NULL,
	`people` integer NOT NULL,
	`passed` integer NOT NULL,
	`percent_sum` real NOT NULL,
	PRIMARY KEY(`branch_id`, `key`),
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `learner_item_stats` (
	`user_id` text NOT NULL,
	`item_type` text NOT NULL,
	`item_slug` text NOT NULL,
	`passed` integer DEFAULT false NOT NULL,
	`best_percent` real,
	`attempts` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`user_id`, `item_type`, `item_slug`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `learner_item_stats_cover_idx` ON `learner_item_stats` (`user_id`,`item_type`,`item_slug`,`passed`,`best_percent`);--> statement-breakpoint
CREATE INDEX `assignments_user_due_idx` ON `assignments` (`user_id`,`item_type`,`due_date`,`item_slug`);