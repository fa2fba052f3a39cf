-- Interviewer realism (docs/interviewer.md). Portable SQL: PostgreSQL and H2 in PostgreSQL mode.

-- interview: practise under interview conditions, or in coach mode where the candidate may ask for hints.
alter table interview add column mode varchar(16) default 'interview' not null;

-- For a candidate turn: the signals it showed for the first time after an interviewer turn had asked about them,
-- as "signal-id@seq" pairs (seq of the probe or hint turn), comma-separated. Signals not listed were unprompted.
alter table turn add column prompted varchar(2000);
