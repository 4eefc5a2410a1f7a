-- One schema for the embedded H2 store and for PostgreSQL: portable types only.

CREATE TABLE runs (
    id               VARCHAR(40)   NOT NULL PRIMARY KEY,
    session_id       VARCHAR(40),
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    user_key         VARCHAR(512)  NOT NULL,
    user_name        VARCHAR(512)  NOT NULL,
    via              VARCHAR(512),
    runbook          VARCHAR(256),
    runbook_version  VARCHAR(80),
    step_line        INTEGER,
    step_heading     VARCHAR(1024),
    command_written  TEXT          NOT NULL,
    command_run      TEXT          NOT NULL,
    probe            VARCHAR(128)  NOT NULL,
    variables        TEXT          NOT NULL,
    verdict          VARCHAR(16)   NOT NULL,
    summary          TEXT          NOT NULL,
    output_truncated BOOLEAN       NOT NULL,
    details_type     VARCHAR(128),
    facts            TEXT          NOT NULL,
    targets          TEXT,
    elapsed_ms       BIGINT        NOT NULL,
    permissions      VARCHAR(128)  NOT NULL,
    refused          BOOLEAN       NOT NULL
);

CREATE INDEX runs_by_time ON runs (started_at);
CREATE INDEX runs_by_runbook ON runs (runbook, started_at);
CREATE INDEX runs_by_step ON runs (runbook, step_line, started_at);
CREATE INDEX runs_by_user ON runs (user_key, started_at);
CREATE INDEX runs_by_session ON runs (session_id);

-- A run's output and details apart, so that lists, freshness and history scans read narrow rows: an output can be a
-- megabyte, and only one run's page or report reads it.
CREATE TABLE run_outputs (
    run_id  VARCHAR(40) NOT NULL PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
    output  TEXT        NOT NULL,
    details TEXT
);

CREATE TABLE reports (
    id              VARCHAR(40)   NOT NULL PRIMARY KEY,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(512)  NOT NULL,
    created_by_name VARCHAR(512)  NOT NULL,
    runbook         VARCHAR(256),
    runbook_version VARCHAR(80),
    title           VARCHAR(1024) NOT NULL,
    content         TEXT          NOT NULL
);

CREATE INDEX reports_by_time ON reports (created_at);
