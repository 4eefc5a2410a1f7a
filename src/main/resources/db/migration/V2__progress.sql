-- Progress per person through guided runbooks and drills, kept beside the run records (same database, so it
-- survives restarts and is shared by every app instance on one PostgreSQL).

CREATE TABLE progress (
    user_key      VARCHAR(512)  NOT NULL,
    user_name     VARCHAR(512)  NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    name          VARCHAR(256)  NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at  TIMESTAMP WITH TIME ZONE,
    attempts      INTEGER       NOT NULL,
    hints_used    INTEGER       NOT NULL,
    step_marks    VARCHAR(1024) NOT NULL,
    position      INTEGER       NOT NULL,
    last_answer   VARCHAR(256),
    PRIMARY KEY (user_key, kind, name)
);

CREATE INDEX progress_by_name ON progress (kind, name);
