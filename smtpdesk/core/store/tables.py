"""The tables of the settings database, the same on SQLite and PostgreSQL (SQLAlchemy Core).

Built from ``schema``: each settings section is a one-row table with its own version, each employee
a row with its own version. The migrations in ``migrations/versions`` must end in exactly this
layout; a test compares them on both backends.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

from smtpdesk.core.store.schema import (
    ACCOUNT_FIELDS,
    EMPLOYEE_FIELDS,
    EMPLOYEE_SMTP,
    PRESENT,
    SETTINGS_SECTIONS,
    Field,
    Section,
)

SETTINGS_ROW_ID = 1
# Written into SQLite's user_version once the file is managed by these migrations: smtpdesk 0.1
# knew data versions up to 2, so it refuses this file instead of misreading it.
SQLITE_USER_VERSION = 3
NOTIFY_CHANNEL = "smtpdesk_changes"


class UtcDateTime(sa.types.TypeDecorator[datetime]):
    """A moment in UTC: ``timestamptz`` on PostgreSQL; fixed-width ISO text on SQLite, so text
    order is time order (and the history written by smtpdesk 0.1 reads as it is)."""

    impl = sa.Text
    cache_ok = True
    _FORMAT = "%Y-%m-%dT%H:%M:%S.%f+00:00"

    def load_dialect_impl(self, dialect: Dialect) -> sa.types.TypeEngine[Any]:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(sa.DateTime(timezone=True))
        return dialect.type_descriptor(sa.Text())

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        value = value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)
        return value if dialect.name == "postgresql" else value.strftime(self._FORMAT)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):
            try:
                value = datetime.fromisoformat(value)
            except ValueError:
                return datetime.fromtimestamp(0, timezone.utc)
        if not isinstance(value, datetime):
            return datetime.fromtimestamp(0, timezone.utc)
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


class StrictBoolean(sa.types.TypeDecorator[bool]):
    """Yes/no that reads only yes/no. SQLite keeps whatever a hand edit put in a column, and
    guessing "yes" from any text would be dangerous for a switch such as "send the password
    unencrypted": anything but 0/1 reads as unknown (NULL), which loads as the field's default."""

    impl = sa.Boolean
    cache_ok = True

    def result_processor(self, dialect: Dialect, coltype: Any) -> Any:
        def process(value: Any) -> bool | None:
            if value is None or isinstance(value, bool):
                return value
            if isinstance(value, int) and value in (0, 1):
                return bool(value)
            return None

        return process


def sql_type(field: Field) -> sa.types.TypeEngine[Any]:
    types: dict[str, sa.types.TypeEngine[Any]] = {
        "text": sa.Text(),
        "int": sa.Integer(),
        "bool": StrictBoolean(),
        "blob": sa.LargeBinary(),
        "enum": sa.String(32),
    }
    return types[field.kind]


metadata = sa.MetaData()


def _section_table(section: Section) -> sa.Table:
    columns: list[sa.Column[Any]] = [
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="0"),
        sa.Column("changed_at", UtcDateTime, nullable=True),
        sa.Column("changed_by", sa.Text, nullable=False, server_default=""),
    ]
    if section.optional:
        columns.append(sa.Column(PRESENT, StrictBoolean, nullable=False, server_default=sa.false()))
    columns += [sa.Column(f.attr, sql_type(f), nullable=True) for f in section.fields]
    return sa.Table(section.table, metadata, *columns)


SECTION_TABLES: dict[str, sa.Table] = {s.name: _section_table(s) for s in SETTINGS_SECTIONS}

employees = sa.Table(
    "employees",
    metadata,
    # AUTOINCREMENT on SQLite (a sequence on PostgreSQL): an id is never reused, so a removed
    # employee's password entry (smtp:employee:<id>) can never be picked up by someone added later.
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    *(
        sa.Column(
            f.attr,
            sql_type(f),
            nullable=False,
            server_default="agent" if f.kind == "enum" else "",
        )
        for f in EMPLOYEE_FIELDS
    ),
    *(sa.Column(f"{EMPLOYEE_SMTP}_{f.attr}", sql_type(f), nullable=True) for f in ACCOUNT_FIELDS),
    sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    sa.Column("changed_at", UtcDateTime, nullable=True),
    sa.Column("changed_by", sa.Text, nullable=False, server_default=""),
    sqlite_autoincrement=True,
)

history = sa.Table(
    "history",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", UtcDateTime, nullable=False),
    sa.Column("account_key", sa.Text, nullable=False),
    sa.Column("account_label", sa.Text, nullable=False, server_default=""),
    sa.Column("login_only", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("ok", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("code", sa.Text, nullable=False, server_default=""),
    sa.Column("stage", sa.Text, nullable=False, server_default=""),
    sa.Column("title", sa.Text, nullable=False, server_default=""),
    sa.Column("host", sa.Text, nullable=False, server_default=""),
    sa.Column("port", sa.Integer, nullable=False, server_default="0"),
    sa.Column("security", sa.Text, nullable=False, server_default=""),
    sa.Column("username", sa.Text, nullable=False, server_default=""),
    sa.Column("sender", sa.Text, nullable=False, server_default=""),
    sa.Column("recipient", sa.Text, nullable=False, server_default=""),
    sa.Column("timings_json", sa.Text, nullable=False, server_default="{}"),
    sa.Column("transcript_json", sa.Text, nullable=False, server_default="[]"),
    sa.Column("elapsed_ms", sa.Float, nullable=False, server_default="0"),
    sa.Column("actor", sa.Text, nullable=False, server_default=""),
    # The rest of the diagnosis (HistoryEntry's detail fields), as JSON.
    sa.Column("details_json", sa.Text, nullable=False, server_default="{}"),
    # The signed-in person who ran the test (None: the command line, or before sign-in existed).
    sa.Column("person_id", sa.Integer, nullable=True),
    sa.Index("history_by_account", "account_key", "at", "id"),
    sqlite_autoincrement=True,
)

# Every saved change of a setting or an employee: who, when, which field, the value before and
# after (an image only by its size; never a password). Conflicts name who changed a field from it,
# open windows learn from it what changed elsewhere.
changes = sa.Table(
    "changes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", UtcDateTime, nullable=False),
    sa.Column("actor", sa.Text, nullable=False, server_default=""),
    sa.Column("origin", sa.String(64), nullable=False, server_default=""),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("subject", sa.String(64), nullable=False, server_default=""),
    sa.Column("field", sa.String(128), nullable=False, server_default=""),
    sa.Column("old_json", sa.Text, nullable=True),
    sa.Column("new_json", sa.Text, nullable=True),
    # The signed-in person behind the record (None: the command line, or before sign-in existed).
    sa.Column("person_id", sa.Integer, nullable=True),
    sa.Index("changes_by_subject", "kind", "subject", "field", "id"),
    sqlite_autoincrement=True,
)

# Application passwords (signing in to smtpdesk), never part of the settings: only an Argon2id hash
# (see core/people/hashing.py), when it was set, and the state of failed sign-ins. One row per
# employee who has a password.
app_passwords = sa.Table(
    "app_passwords",
    metadata,
    sa.Column("employee_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("set_at", UtcDateTime, nullable=False),
    # Set by an administrator's reset: the person chooses their own password at the next sign-in.
    sa.Column("must_change", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("failed_attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("locked_until", UtcDateTime, nullable=True),
    sa.Column("last_sign_in_at", UtcDateTime, nullable=True),
)

# The hashes of each person's most recent passwords, so a new one can differ from the last five.
app_password_history = sa.Table(
    "app_password_history",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("employee_id", sa.Integer, nullable=False),
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("set_at", UtcDateTime, nullable=False),
    sa.Index("app_password_history_by_employee", "employee_id", "id"),
    sqlite_autoincrement=True,
)

# SMTP passwords of an office database, encrypted with the office key (AES-GCM); see office_key.
office_secrets = sa.Table(
    "office_secrets",
    metadata,
    sa.Column("account_key", sa.String(128), primary_key=True),
    sa.Column("nonce", sa.LargeBinary, nullable=False),
    sa.Column("ciphertext", sa.LargeBinary, nullable=False),
    sa.Column("changed_at", UtcDateTime, nullable=True),
    sa.Column("changed_by", sa.Text, nullable=False, server_default=""),
)

office_meta = sa.Table(
    "office_meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

OWN_TABLES: tuple[str, ...] = tuple(metadata.tables)
