CREATE TABLE `scenario_appeals` (
	`id` text PRIMARY KEY NOT NULL,
	`attempt_id` text NOT NULL,
	`step_id` text NOT NULL,
	`user_id` text NOT NULL,
	`comment` text NOT NULL,
	`status` text DEFAULT 'contested' NOT NULL,
	`floor_percent` integer NOT NULL,
	`points_before` text NOT NULL,
	`points_after` text,
	`decided_by` text,
	`reason` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`decided_at` integer,
	FOREIGN KEY (`attempt_id`) REFERENCES `scenario_attempts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scenario_appeals_answer_uq` ON `scenario_appeals` (`attempt_id`,`step_id`);--> statement-breakpoint
CREATE INDEX `scenario_appeals_status_idx` ON `scenario_appeals` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `scenario_appeals_user_idx` ON `scenario_appeals` (`user_id`);