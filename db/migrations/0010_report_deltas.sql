-- The reports' branch totals (branch_report_stats) are kept by deltas: every change to what they
-- are made of adds its difference to the rows it touches, in the same transaction as the change.
-- What they are made of, per active learner (role 'learner', active = 1) of a branch:
--   "learners"                — the learner: people 1;
--   "<item_type>:<item_slug>" — one per learner_item_stats row: people 1, passed, best percentage;
--   "open:<due date>"         — one per chapter or role-play assignment whose item has no passed row;
--   "cert:<due date>"         — one per certification assignment (whether held is read live: it
--                               changes with the clock).
-- db/queries/report-stats.ts (branchStatsSql) computes the same from scratch; db/queries/report-check.ts
-- compares the two. A row whose people reach 0 is removed, as a recomputation would not have it.

-- Adding a row to this view adds it to branch_report_stats; the one place deltas are applied.
CREATE VIEW `branch_report_delta` AS
  SELECT branch_id, key, people, passed, percent_sum FROM branch_report_stats WHERE 0;
--> statement-breakpoint
CREATE TRIGGER `branch_report_delta_apply` INSTEAD OF INSERT ON `branch_report_delta`
BEGIN
  INSERT INTO branch_report_stats (branch_id, key, people, passed, percent_sum)
    VALUES (new.branch_id, new.key, new.people, new.passed, new.percent_sum)
    ON CONFLICT (branch_id, key) DO UPDATE SET people = people + excluded.people,
      passed = passed + excluded.passed, percent_sum = percent_sum + excluded.percent_sum;
  DELETE FROM branch_report_stats WHERE branch_id = new.branch_id AND key = new.key AND people = 0;
END;
--> statement-breakpoint

-- A summary row arrives: it counts for its person's branch, and passed, it closes their assignment.
CREATE TRIGGER `learner_item_stats_arrive` AFTER INSERT ON `learner_item_stats`
BEGIN
  INSERT INTO branch_report_delta
    SELECT u.branch_id, new.item_type || ':' || new.item_slug, 1, new.passed, coalesce(new.best_percent, 0)
    FROM users u WHERE u.id = new.user_id AND u.role = 'learner' AND u.active = 1;
  INSERT INTO branch_report_delta
    SELECT u.branch_id, 'open:' || a.due_date, -1, 0, 0
    FROM users u JOIN assignments a ON a.user_id = u.id
    WHERE new.passed = 1 AND u.id = new.user_id AND u.role = 'learner' AND u.active = 1
      AND a.item_type = new.item_type AND a.item_slug = new.item_slug;
END;
--> statement-breakpoint
CREATE TRIGGER `learner_item_stats_leave` AFTER DELETE ON `learner_item_stats`
BEGIN
  INSERT INTO branch_report_delta
    SELECT u.branch_id, old.item_type || ':' || old.item_slug, -1, -old.passed, -coalesce(old.best_percent, 0)
    FROM users u WHERE u.id = old.user_id AND u.role = 'learner' AND u.active = 1;
  INSERT INTO branch_report_delta
    SELECT u.branch_id, 'open:' || a.due_date, 1, 0, 0
    FROM users u JOIN assignments a ON a.user_id = u.id
    WHERE old.passed = 1 AND u.id = old.user_id AND u.role = 'learner' AND u.active = 1
      AND a.item_type = old.item_type AND a.item_slug = old.item_slug;
END;
--> statement-breakpoint
-- A changed row: only a change of passed or best percentage moves the totals (another attempt that
-- is no better changes nothing). For the row's own key, one delta with both differences.
CREATE TRIGGER `learner_item_stats_change` AFTER UPDATE OF passed, best_percent ON `learner_item_stats`
  WHEN old.passed IS NOT new.passed OR old.best_percent IS NOT new.best_percent
BEGIN
  INSERT INTO branch_report_delta
    SELECT u.branch_id, new.item_type || ':' || new.item_slug, 0, new.passed - old.passed,
      coalesce(new.best_percent, 0) - coalesce(old.best_percent, 0)
    FROM users u WHERE u.id = new.user_id AND u.role = 'learner' AND u.active = 1;
  INSERT INTO branch_report_delta
    SELECT u.branch_id, 'open:' || a.due_date, old.passed - new.passed, 0, 0
    FROM users u JOIN assignments a ON a.user_id = u.id
    WHERE old.passed IS NOT new.passed AND u.id = new.user_id AND u.role = 'learner' AND u.active = 1
      AND a.item_type = new.item_type AND a.item_slug = new.item_slug;
END;
--> statement-breakpoint
-- The summary's key columns never change (it is upserted on them); refuse it rather than miscount.
CREATE TRIGGER `learner_item_stats_fixed_key` BEFORE UPDATE OF user_id, item_type, item_slug ON `learner_item_stats`
  WHEN old.user_id IS NOT new.user_id OR old.item_type IS NOT new.item_type OR old.item_slug IS NOT new.item_slug
BEGIN
  SELECT RAISE(ABORT, 'learner_item_stats keys are fixed: delete and insert instead');
END;
--> statement-breakpoint

-- An assignment counts as open while its person is an active learner and has not passed the item;
-- a certification assignment counts by its due date.
CREATE TRIGGER `assignments_arrive` AFTER INSERT ON `assignments`
BEGIN
  INSERT INTO branch_report_delta
    SELECT u.branch_id, 'open:' || new.due_date, 1, 0, 0 FROM users u
    WHERE u.id = new.user_id AND u.role = 'learner' AND u.active = 1
      AND new.item_type IN ('chapter', 'scenario')
      AND NOT EXISTS (SELECT 1 FROM learner_item_stats s WHERE s.user_id = new.user_id
        AND s.item_type = new.item_type AND s.item_slug = new.item_slug AND s.passed = 1);
  INSERT INTO branch_report_delta
    SELECT u.branch_id, 'cert:' || new.due_date, 1, 0, 0 FROM users u
    WHERE u.id = new.user_id AND u.role = 'learner' AND u.active = 1 AND new.item_type = 'certification';
END;
--> statement-breakpoint
CREATE TRIGGER `assignments_leave` AFTER DELETE ON `assignments`
BEGIN
  INSERT INTO branch_report_delta
    SELECT u.branch_id, 'open:' || old.due_date, -1, 0, 0 FROM users u
    WHERE u.id = old.user_id AND u.role = 'learner' AND u.active = 1
      AND old.item_type IN ('chapter', 'scenario')
      AND NOT EXISTS (SELECT 1 FROM learner_item_stats s WHERE s.user_id = old.user_id
        AND s.item_type = old.item_type AND s.item_slug = old.item_slug AND s.passed = 1);
  INSERT INTO branch_report_delta
    SELECT u.branch_id, 'cert:' || old.due_date, -1, 0, 0 FROM users u
    WHERE u.id = old.user_id AND u.role = 'learner' AND u.active = 1 AND old.item_type = 'certification';
END;
--> statement-breakpoint
-- A new due date (or any change of what the assignment is): the old one leaves, the new one arrives.
CREATE TRIGGER `assignments_change` AFTER UPDATE OF user_id, item_type, item_slug, due_date ON `assignments`
  WHEN old.user_id IS NOT new.user_id OR old.item_type IS NOT new.item_type
    OR old.item_slug IS NOT new.item_slug OR old.due_date IS NOT new.due_date
BEGIN
  INSERT INTO branch_report_delta
    SELECT u.branch_id, 'open:' || old.due_date, -1, 0, 0 FROM users u
    WHERE u.id = old.user_id AND u.role = 'learner' AND u.active = 1
      AND old.item_type IN ('chapter', 'scenario')
      AND NOT EXISTS (SELECT 1 FROM learner_item_stats s WHERE s.user_id = old.user_id
        AND s.item_type = old.item_type AND s.item_slug = old.item_slug AND s.passed = 1);
  INSERT INTO branch_report_delta
    SELECT u.branch_id, 'open:' || new.due_date, 1, 0, 0 FROM users u
    WHERE u.id = new.user_id AND u.role = 'learner' AND u.active = 1
      AND new.item_type IN ('chapter', 'scenario')
      AND NOT EXISTS (SELECT 1 FROM learner_item_stats s WHERE s.user_id = new.user_id
        AND s.item_type = new.item_type AND s.item_slug = new.item_slug AND s.passed = 1);
  INSERT INTO branch_report_delta
    SELECT u.branch_id, 'cert:' || old.due_date, -1, 0, 0 FROM users u
    WHERE u.id = old.user_id AND u.role = 'learner' AND u.active = 1 AND old.item_type = 'certification';
  INSERT INTO branch_report_delta
    SELECT u.branch_id, 'cert:' || new.due_date, 1, 0, 0 FROM users u
    WHERE u.id = new.user_id AND u.role = 'learner' AND u.active = 1 AND new.item_type = 'certification';
END;
--> statement-breakpoint

-- A person who moves branch, is deactivated or reactivated, or changes role: everything they
-- counted for leaves the old branch and arrives in the new one (as far as each counts at all).
-- Their own rows only, so the cost follows the person, not the branch. A new person arrives, a
-- deleted one (possible only with foreign keys off) leaves.
CREATE TRIGGER `users_totals_change` AFTER UPDATE OF branch_id, role, active ON `users`
  WHEN old.branch_id IS NOT new.branch_id OR old.role IS NOT new.role OR old.active IS NOT new.active
BEGIN
  INSERT INTO branch_report_delta
    SELECT old.branch_id, 'learners', -1, 0, 0 WHERE old.role = 'learner' AND old.active = 1;
  INSERT INTO branch_report_delta
    SELECT old.branch_id, s.item_type || ':' || s.item_slug, -1, -s.passed, -coalesce(s.best_percent, 0)
    FROM learner_item_stats s WHERE s.user_id = old.id AND old.role = 'learner' AND old.active = 1;
  INSERT INTO branch_report_delta
    SELECT old.branch_id, 'open:' || a.due_date, -count(*), 0, 0 FROM assignments a
    WHERE a.user_id = old.id AND old.role = 'learner' AND old.active = 1
      AND a.item_type IN ('chapter', 'scenario')
      AND NOT EXISTS (SELECT 1 FROM learner_item_stats s WHERE s.user_id = a.user_id
        AND s.item_type = a.item_type AND s.item_slug = a.item_slug AND s.passed = 1)
    GROUP BY a.due_date;
  INSERT INTO branch_report_delta
    SELECT old.branch_id, 'cert:' || a.due_date, -count(*), 0, 0 FROM assignments a
    WHERE a.user_id = old.id AND old.role = 'learner' AND old.active = 1 AND a.item_type = 'certification'
    GROUP BY a.due_date;
  INSERT INTO branch_report_delta
    SELECT new.branch_id, 'learners', 1, 0, 0 WHERE new.role = 'learner' AND new.active = 1;
  INSERT INTO branch_report_delta
    SELECT new.branch_id, s.item_type || ':' || s.item_slug, 1, s.passed, coalesce(s.best_percent, 0)
    FROM learner_item_stats s WHERE s.user_id = new.id AND new.role = 'learner' AND new.active = 1;
  INSERT INTO branch_report_delta
    SELECT new.branch_id, 'open:' || a.due_date, count(*), 0, 0 FROM assignments a
    WHERE a.user_id = new.id AND new.role = 'learner' AND new.active = 1
      AND a.item_type IN ('chapter', 'scenario')
      AND NOT EXISTS (SELECT 1 FROM learner_item_stats s WHERE s.user_id = a.user_id
        AND s.item_type = a.item_type AND s.item_slug = a.item_slug AND s.passed = 1)
    GROUP BY a.due_date;
  INSERT INTO branch_report_delta
    SELECT new.branch_id, 'cert:' || a.due_date, count(*), 0, 0 FROM assignments a
    WHERE a.user_id = new.id AND new.role = 'learner' AND new.active = 1 AND a.item_type = 'certification'
    GROUP BY a.due_date;
END;
--> statement-breakpoint
-- A person's id is what their rows point at; it does not change.
CREATE TRIGGER `users_fixed_id` BEFORE UPDATE OF id ON `users` WHEN old.id IS NOT new.id
BEGIN
  SELECT RAISE(ABORT, 'users.id is fixed');
END;
--> statement-breakpoint
-- A new person has no results or assignments yet (they point at the person): only the headcount.
CREATE TRIGGER `users_totals_arrive` AFTER INSERT ON `users` WHEN new.role = 'learner' AND new.active = 1
BEGIN
  INSERT INTO branch_report_delta VALUES (new.branch_id, 'learners', 1, 0, 0);
END;
--> statement-breakpoint
CREATE TRIGGER `users_totals_leave` AFTER DELETE ON `users` WHEN old.role = 'learner' AND old.active = 1
BEGIN
  INSERT INTO branch_report_delta VALUES (old.branch_id, 'learners', -1, 0, 0);
  INSERT INTO branch_report_delta
    SELECT old.branch_id, s.item_type || ':' || s.item_slug, -1, -s.passed, -coalesce(s.best_percent, 0)
    FROM learner_item_stats s WHERE s.user_id = old.id;
  INSERT INTO branch_report_delta
    SELECT old.branch_id, 'open:' || a.due_date, -count(*), 0, 0 FROM assignments a
    WHERE a.user_id = old.id AND a.item_type IN ('chapter', 'scenario')
      AND NOT EXISTS (SELECT 1 FROM learner_item_stats s WHERE s.user_id = a.user_id
        AND s.item_type = a.item_type AND s.item_slug = a.item_slug AND s.passed = 1)
    GROUP BY a.due_date;
  INSERT INTO branch_report_delta
    SELECT old.branch_id, 'cert:' || a.due_date, -count(*), 0, 0 FROM assignments a
    WHERE a.user_id = old.id AND a.item_type = 'certification'
    GROUP BY a.due_date;
END;
--> statement-breakpoint

-- From now on the totals are exact by construction, so start from an exact recomputation (the
-- totals of a branch whose people changed used to be detected by a fingerprint and recomputed).
DELETE FROM branch_report_stats;
--> statement-breakpoint
INSERT INTO branch_report_stats (branch_id, key, people, passed, percent_sum)
  SELECT u.branch_id, 'learners', count(*), 0, 0 FROM users u WHERE u.role = 'learner' AND u.active = 1
    GROUP BY u.branch_id
  UNION ALL
  SELECT u.branch_id, s.item_type || ':' || s.item_slug, count(*), sum(s.passed), coalesce(sum(s.best_percent), 0)
    FROM users u JOIN learner_item_stats s ON s.user_id = u.id
    WHERE u.role = 'learner' AND u.active = 1
    GROUP BY u.branch_id, s.item_type, s.item_slug
  UNION ALL
  SELECT u.branch_id, 'open:' || a.due_date, count(*), 0, 0
    FROM users u JOIN assignments a ON a.user_id = u.id
    WHERE u.role = 'learner' AND u.active = 1 AND a.item_type IN ('chapter', 'scenario')
      AND NOT EXISTS (SELECT 1 FROM learner_item_stats s WHERE s.user_id = a.user_id
        AND s.item_type = a.item_type AND s.item_slug = a.item_slug AND s.passed = 1)
    GROUP BY u.branch_id, a.due_date
  UNION ALL
  SELECT u.branch_id, 'cert:' || a.due_date, count(*), 0, 0
    FROM users u JOIN assignments a ON a.user_id = u.id
    WHERE u.role = 'learner' AND u.active = 1 AND a.item_type = 'certification'
    GROUP BY u.branch_id, a.due_date;
