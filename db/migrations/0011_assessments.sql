CREATE TABLE `assessment_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`locale` text NOT NULL,
	`revisions` text NOT NULL,
	`seed` text NOT NULL,
	`items` text NOT NULL,
	`pass_score` integer,
	`saved` text NOT NULL,
	`saved_at` integer,
	`started_at` integer NOT NULL,
	`deadline_at` integer,
	`closed_at` integer,
	`close_reason` text,
	`close_id` text,
	`branch_id` text,
	`score` real,
	`max_score` integer,
	`percent` integer,
	`passed` integer,
	`results` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessment_attempts_open_uq` ON `assessment_attempts` (`user_id`,`kind`,`subject`) WHERE closed_at is null;--> statement-breakpoint
CREATE INDEX `assessment_attempts_user_idx` ON `assessment_attempts` (`user_id`,`kind`,`subject`,`started_at`);--> statement-breakpoint
CREATE TABLE `item_option_stats` (
	`slug` text NOT NULL,
	`question_id` text NOT NULL,
	`option_id` text NOT NULL,
	`branch_id` text NOT NULL,
	`picks` integer NOT NULL,
	PRIMARY KEY(`slug`, `question_id`, `option_id`, `branch_id`),
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `item_stats` (
	`slug` text NOT NULL,
	`question_id` text NOT NULL,
	`branch_id` text NOT NULL,
	`drawn` integer NOT NULL,
	`correct` integer NOT NULL,
	`sum_percent` real NOT NULL,
	`sum_percent_squared` real NOT NULL,
	`sum_percent_correct` real NOT NULL,
	PRIMARY KEY(`slug`, `question_id`, `branch_id`),
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `review_answers` (
	`id` text PRIMARY KEY NOT NULL,
	`attempt_id` text NOT NULL,
	`user_id` text NOT NULL,
	`slug` text NOT NULL,
	`question_id` text NOT NULL,
	`right` integer NOT NULL,
	`box` integer NOT NULL,
	`mistake_at` integer NOT NULL,
	`answered_at` integer NOT NULL,
	FOREIGN KEY (`attempt_id`) REFERENCES `assessment_attempts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_answers_question_uq` ON `review_answers` (`attempt_id`,`slug`,`question_id`);--> statement-breakpoint
CREATE INDEX `review_answers_user_idx` ON `review_answers` (`user_id`,`answered_at`);--> statement-breakpoint
CREATE TABLE `review_cards` (
	`user_id` text NOT NULL,
	`slug` text NOT NULL,
	`question_id` text NOT NULL,
	`box` integer NOT NULL,
	`due_at` integer NOT NULL,
	`mistake_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `slug`, `question_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_cards_due_idx` ON `review_cards` (`user_id`,`due_at`);