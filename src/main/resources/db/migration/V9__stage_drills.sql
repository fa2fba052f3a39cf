-- Stage drills (docs/interviewer.md, "Stage drills"). Portable SQL: PostgreSQL and H2 in PostgreSQL mode.

-- interview: for a drill, the one stage it practises (its id, e.g. 'evaluate'); null for a full interview.
alter table interview add column drill varchar(16);
