-- Fair grading queue (docs/operations.md). Portable SQL: PostgreSQL and H2 in PostgreSQL mode.

-- The account whose interview a job grades: workers take jobs round-robin across accounts, so one account that
-- queues many re-grades does not hold up everyone else's scorecards.
alter table grading_job add column account_id bigint;
update grading_job set account_id = (select i.account_id from interview i where i.id = grading_job.interview_id);
