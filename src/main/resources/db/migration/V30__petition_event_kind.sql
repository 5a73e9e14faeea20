-- A history line says what it is: a status change (status holds the new status) or a note, an overdue mark, a
-- rating, the citizen's reply (status is null). Before, status held enum names and free words alike.
ALTER TABLE petition_event ADD COLUMN kind VARCHAR(30);
UPDATE petition_event SET kind = CASE
    WHEN status IN ('RECEIVED', 'TRIAGE', 'ASSIGNED', 'EXTENDED', 'TRANSFERRED', 'WAITING_FOR_CITIZEN', 'ANSWERED',
                    'REOPENED', 'CLOSED') THEN 'STATUS'
    WHEN status IN ('OVERDUE', 'RATED', 'FOLLOW_UP', 'CONTINUED') THEN status
    ELSE 'NOTE' END;
ALTER TABLE petition_event ALTER COLUMN kind SET NOT NULL;
ALTER TABLE petition_event ALTER COLUMN status DROP NOT NULL;
UPDATE petition_event SET status = NULL WHERE kind <> 'STATUS';
ALTER TABLE petition_event ADD CONSTRAINT petition_event_kind_check
    CHECK (kind IN ('STATUS', 'NOTE', 'OVERDUE', 'RATED', 'CITIZEN_INFORMATION', 'FOLLOW_UP', 'CONTINUED'));
ALTER TABLE petition_event ADD CONSTRAINT petition_event_status_check
    CHECK ((kind = 'STATUS' AND status IS NOT NULL) OR (kind <> 'STATUS' AND status IS NULL));
