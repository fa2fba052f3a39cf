-- LLM interviewer (docs/llm.md). Portable SQL: PostgreSQL and H2 in PostgreSQL mode.

-- The model an interview was created for (e.g. openai/gpt-4o-mini; null for the offline interviewer) and its
-- token budget (null: unlimited), fixed at creation so a later configuration change does not alter a running interview.
alter table interview add column model varchar(128);
alter table interview add column token_budget integer;

-- Who produced an interviewer turn: offline, <provider>/<model>, offline-fallback (the model failed) or
-- offline-budget (the token budget was spent); and the tokens the model call used.
alter table turn add column source varchar(128);
alter table turn add column input_tokens integer;
alter table turn add column output_tokens integer;
