"""The layout smtpdesk 0.1 wrote in its local SQLite file (data version 2).

Files written by that version are marked as being at this revision and carried forward from here.
Office databases on PostgreSQL begin at the next revision, so on PostgreSQL this one does nothing.

Revision ID: r0001
Revises:
"""

from __future__ import annotations

from alembic import op

revision = "r0001"
down_revision = None
branch_labels = None
depends_on = None

# Exactly what smtpdesk 0.1 created (spelled out, never derived from the current tables).
LAYOUT_V2 = (
    "CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value)",
    """CREATE TABLE employees (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        first_name TEXT NOT NULL DEFAULT '',
        last_name TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT 'agent',
        smtp_host TEXT,
        smtp_port INTEGER,
        smtp_username TEXT,
        smtp_security TEXT,
        smtp_allow_plaintext_auth INTEGER,
        smtp_pinned_fingerprint TEXT,
        smtp_ca_file TEXT
    )""",
    """CREATE TABLE history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_key TEXT NOT NULL,
        account_label TEXT NOT NULL DEFAULT '',
        login_only INTEGER NOT NULL DEFAULT 0,
        ok INTEGER NOT NULL DEFAULT 0,
        code TEXT NOT NULL DEFAULT '',
        stage TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        host TEXT NOT NULL DEFAULT '',
        port INTEGER NOT NULL DEFAULT 0,
        security TEXT NOT NULL DEFAULT '',
        username TEXT NOT NULL DEFAULT '',
        sender TEXT NOT NULL DEFAULT '',
        recipient TEXT NOT NULL DEFAULT '',
        timings_json TEXT NOT NULL DEFAULT '{}',
        transcript_json TEXT NOT NULL DEFAULT '[]',
        elapsed_ms REAL NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX history_by_account ON history (account_key, at, id)",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in LAYOUT_V2:
        op.execute(statement)
