-- Custom SQL migration (drizzle-kit generate --custom): employee numbers in their one canonical form,
-- trimmed and upper case (lib/auth/employee-no.ts), which import, sign-in, assignment, search and SSO
-- now all look up. A number spelled otherwise is folded into that form unless another account already
-- holds it: two accounts for one person cannot be merged without a person deciding which one keeps
-- the history, so those are left as they are and `npm run db:check` reports them (employee_numbers).
UPDATE `users` SET `employee_no` = upper(trim(`employee_no`))
WHERE `employee_no` <> upper(trim(`employee_no`))
  AND NOT EXISTS (
    SELECT 1 FROM `users` AS `other`
    WHERE `other`.`id` <> `users`.`id` AND upper(trim(`other`.`employee_no`)) = upper(trim(`users`.`employee_no`))
  );--> statement-breakpoint
-- Lockout counters are short-lived and keyed by the number as typed; the non-canonical ones would never be read again.
DELETE FROM `login_throttle` WHERE `employee_no` <> upper(trim(`employee_no`));
