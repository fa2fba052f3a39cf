-- Browser sessions carry the account's session version; logout, a password change and "end all my sessions" bump
-- it, so every cookie issued before stops working on every instance (docs/security.md).
alter table account add column session_version integer not null default 0;
