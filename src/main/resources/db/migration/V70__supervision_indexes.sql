-- Supervision (issue 12). The overdue dashboard reads the open petitions of an aimag (supervisors) or of a body
-- (officials) and lists the overdue ones by due date; analytics reads an area's petitions and counts transfers and
-- reopenings in the case history. Measured with mn.sanal.bench.SupervisionBenchmark (README "Supervision at scale").
CREATE INDEX petition_aimag_status_due_idx ON petition (aimag_code, status, due_at);
-- (responsible_body, status) grows the due date; the old index is its prefix
CREATE INDEX petition_body_status_due_idx ON petition (responsible_body, status, due_at);
DROP INDEX petition_body_status_idx;
CREATE INDEX petition_event_kind_status_idx ON petition_event (kind, status, petition_id);
