-- LLM tokens per account and UTC day (llm.daily-token-budget, docs/llm-guardrails.md). Portable SQL: PostgreSQL and
-- H2 in PostgreSQL mode. One row per account and day, added to by every LLM call (interviewer and grader).
create table llm_daily_usage (
    account_id bigint not null references account (id) on delete cascade,
    usage_day date not null,
    tokens bigint not null default 0,
    calls integer not null default 0,
    primary key (account_id, usage_day)
);
