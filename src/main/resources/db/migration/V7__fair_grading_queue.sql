-- Fair grading queue (docs/operations.md). Portable SQL: PostgreSQL and H2 in PostgreSQL mode.

-- The account whose interview a job grades, and when a worker last claimed the job: workers serve the account
-- served longest ago first, so one account that queues many re-grades does not hold up everyone else's scorecards.
alter table grading_job add column account_id bigint;
alter table grading_job add column claimed_at timestamp with time zone;
update grading_job set account_id = (select i.account_id from interview i where i.id = grading_job.interview_id);
create index grading_job_account_claimed on grading_job (account_id, claimed_at);
