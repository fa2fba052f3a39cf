-- At most one queued grading job per interview, enforced by the database rather than by a select before the insert
-- (docs/grading.md). Portable SQL: PostgreSQL and H2 in PostgreSQL mode have no common partial index, so queued_for
-- holds the interview's id while the job is queued and is null otherwise; a unique index allows any number of nulls.
alter table grading_job add column queued_for uuid;

-- Two requests at the same moment could have queued twice before: the oldest queued job of an interview stays queued,
-- the others are closed as duplicates of it.
update grading_job set queued_for = interview_id
where status = 'QUEUED'
  and id = (select min(q.id) from grading_job q where q.interview_id = grading_job.interview_id and q.status = 'QUEUED');
update grading_job set status = 'FAILED', error = 'A duplicate of another queued job for this interview.'
where status = 'QUEUED' and queued_for is null;

create unique index grading_job_one_queued on grading_job (queued_for);
