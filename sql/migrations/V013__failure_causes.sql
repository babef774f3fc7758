-- Tessera store, schema version 13: failed slides keep their cause. failure_causes holds, per failed slide, the
-- exception's class, message and stack trace ([{"slide", "class", "message", "stack_trace"}]; class and
-- stack_trace NULL for a failure found by a check); failure_log is the store-relative log file with the same
-- (logs/run-<id>.log), NULL when the run had no failure.
ALTER TABLE extraction_runs ADD COLUMN IF NOT EXISTS failure_causes JSON;
ALTER TABLE extraction_runs ADD COLUMN IF NOT EXISTS failure_log VARCHAR;
