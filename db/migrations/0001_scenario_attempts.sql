CREATE TABLE `scenario_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`scenario_slug` text NOT NULL,
	`content_version` text NOT NULL,
	`locale` text NOT NULL,
	`state` text NOT NULL,
	`step_started_at` integer NOT NULL,
	`extended_time` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`score` real,
	`max_score` integer,
	`percent` integer,
	`passed` integer,
	`outcome` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `scenario_attempts_user_idx` ON `scenario_attempts` (`user_id`,`scenario_slug`,`percent`);--> statement-breakpoint
CREATE TABLE `scenario_scores` (
	`attempt_id` text NOT NULL,
	`competency` text NOT NULL,
	`score` real NOT NULL,
	`max_score` integer NOT NULL,
	PRIMARY KEY(`attempt_id`, `competency`),
	FOREIGN KEY (`attempt_id`) REFERENCES `scenario_attempts`(`id`) ON UPDATE no action ON DELETE no action
);
