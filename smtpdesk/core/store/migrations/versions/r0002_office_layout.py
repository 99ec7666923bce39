"""One layout for the local file and the office database: a one-row table per settings section with
its own version, versions on employees, a change log, encrypted office passwords, office metadata.

On SQLite the file of smtpdesk 0.1 is carried over: the key/value settings are spread into the
section tables, employees and history are copied into their new layout (batch mode), and no
employee id is ever handed out again. On PostgreSQL the tables are created.

Revision ID: r0002
Revises: r0001
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from smtpdesk.core.store.tables import UtcDateTime

revision = "r0002"
down_revision = "r0001"
branch_labels = None
depends_on = None

# The settings of this revision, spelled out: (section, optional, ((field, kind), ...)).
_ACCOUNT = (
    ("host", "text"),
    ("port", "int"),
    ("username", "text"),
    ("security", "enum"),
    ("allow_plaintext_auth", "bool"),
    ("pinned_fingerprint", "text"),
    ("ca_file", "text"),
)
SECTIONS: tuple[tuple[str, str, bool, tuple[tuple[str, str], ...]], ...] = (
    (
        "company",
        "company.",
        False,
        (
            ("name", "text"),
            ("address", "text"),
            ("phone", "text"),
            ("email", "text"),
            ("website", "text"),
            ("logo", "blob"),
            ("logo_mime", "text"),
        ),
    ),
    ("office", "", False, (("contact_mode", "enum"), ("default_server_sender", "text"))),
    (
        "giodo",
        "giodo.",
        False,
        (
            ("password_change_days", "int"),
            ("giodo_password_format", "bool"),
            ("hide_client_contacts", "bool"),
        ),
    ),
    ("company_smtp", "company_smtp.", True, _ACCOUNT),
    ("default_server", "default_server.", True, _ACCOUNT),
)


def _type(kind: str) -> sa.types.TypeEngine[Any]:
    types: dict[str, sa.types.TypeEngine[Any]] = {
        "text": sa.Text(),
        "int": sa.Integer(),
        "bool": sa.Boolean(),
        "blob": sa.LargeBinary(),
        "enum": sa.String(32),
    }
    return types[kind]


def _legacy_value(kind: str, raw: Any) -> Any:
    """A value smtpdesk 0.1 stored (untyped column) as the new column takes it; anything a
    hand edit left unreadable becomes NULL, which loads as the field's default."""
    if kind == "bool":
        return bool(raw) if isinstance(raw, int) else None
    if kind == "int":
        return raw if isinstance(raw, int) and not isinstance(raw, bool) else None
    if kind == "blob":
        return bytes(raw) if isinstance(raw, (bytes, memoryview)) else None
    return raw if isinstance(raw, str) else None


def _create_sections(legacy: dict[str, Any]) -> None:
    for name, prefix, optional, fields in SECTIONS:
        columns: list[sa.Column[Any]] = [
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
            sa.Column("version", sa.Integer, nullable=False, server_default="0"),
            sa.Column("changed_at", UtcDateTime, nullable=True),
            sa.Column("changed_by", sa.Text, nullable=False, server_default=""),
        ]
        if optional:
            columns.append(sa.Column("present", sa.Boolean, nullable=False, server_default=sa.false()))
        columns += [sa.Column(field, _type(kind), nullable=True) for field, kind in fields]
        table = op.create_table(f"settings_{name}", *columns)
        stored = {field: legacy[prefix + field] for field, _kind in fields if prefix + field in legacy}
        row: dict[str, Any] = {"id": 1, "version": 1 if stored else 0}
        if optional:
            row["present"] = bool(stored)
        kinds = dict(fields)
        row.update({field: _legacy_value(kinds[field], raw) for field, raw in stored.items()})
        op.bulk_insert(table, [row])


def _employee_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("first_name", sa.Text, nullable=False, server_default=""),
        sa.Column("last_name", sa.Text, nullable=False, server_default=""),
        sa.Column("email", sa.Text, nullable=False, server_default=""),
        sa.Column("phone", sa.Text, nullable=False, server_default=""),
        sa.Column("role", sa.String(32), nullable=False, server_default="agent"),
        *(sa.Column(f"smtp_{field}", _type(kind), nullable=True) for field, kind in _ACCOUNT),
        *_version_columns(),
    ]


def _version_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("changed_at", UtcDateTime, nullable=True),
        sa.Column("changed_by", sa.Text, nullable=False, server_default=""),
    ]


def _history_columns() -> list[sa.Column[Any]]:
    text = ("account_label", "code", "stage", "title", "host", "security", "username", "sender", "recipient")
    return [
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", UtcDateTime, nullable=False),
        sa.Column("account_key", sa.Text, nullable=False),
        sa.Column("account_label", sa.Text, nullable=False, server_default=""),
        sa.Column("login_only", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("ok", sa.Boolean, nullable=False, server_default=sa.false()),
        *(sa.Column(name, sa.Text, nullable=False, server_default="") for name in text[1:5]),
        sa.Column("port", sa.Integer, nullable=False, server_default="0"),
        *(sa.Column(name, sa.Text, nullable=False, server_default="") for name in text[5:]),
        sa.Column("timings_json", sa.Text, nullable=False, server_default="{}"),
        sa.Column("transcript_json", sa.Text, nullable=False, server_default="[]"),
        sa.Column("elapsed_ms", sa.Float, nullable=False, server_default="0"),
        sa.Column("actor", sa.Text, nullable=False, server_default=""),
    ]


def _create_office_tables() -> None:
    op.create_table(
        "changes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", UtcDateTime, nullable=False),
        sa.Column("actor", sa.Text, nullable=False, server_default=""),
        sa.Column("origin", sa.String(64), nullable=False, server_default=""),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("subject", sa.String(64), nullable=False, server_default=""),
        sa.Column("field", sa.String(128), nullable=False, server_default=""),
        sa.Column("old_json", sa.Text, nullable=True),
        sa.Column("new_json", sa.Text, nullable=True),
        sqlite_autoincrement=True,
    )
    op.create_index("changes_by_subject", "changes", ["kind", "subject", "field", "id"])
    op.create_table(
        "office_secrets",
        sa.Column("account_key", sa.String(128), primary_key=True),
        sa.Column("nonce", sa.LargeBinary, nullable=False),
        sa.Column("ciphertext", sa.LargeBinary, nullable=False),
        sa.Column("changed_at", UtcDateTime, nullable=True),
        sa.Column("changed_by", sa.Text, nullable=False, server_default=""),
    )
    op.create_table(
        "office_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def _upgrade_sqlite() -> None:
    bind = op.get_bind()
    legacy = {row[0]: row[1] for row in bind.exec_driver_sql("SELECT key, value FROM settings")}
    _create_sections(legacy)
    op.drop_table("settings")
    # Copying a table drops its AUTOINCREMENT counter: keep the highest id ever handed out.
    last_id = bind.exec_driver_sql("SELECT seq FROM sqlite_sequence WHERE name = 'employees'").scalar()
    with op.batch_alter_table(
        "employees", recreate="always", table_kwargs={"sqlite_autoincrement": True}
    ) as batch:
        batch.alter_column("id", existing_type=sa.Integer(), nullable=False)
        batch.alter_column("role", existing_type=sa.Text(), type_=sa.String(32), existing_nullable=False)
        batch.alter_column("smtp_security", existing_type=sa.Text(), type_=sa.String(32))
        batch.alter_column("smtp_allow_plaintext_auth", existing_type=sa.Integer(), type_=sa.Boolean())
        for column in _version_columns():
            batch.add_column(column)
    if last_id is not None:
        bind.exec_driver_sql(
            "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'employees'", (int(last_id),)
        )
        if not bind.exec_driver_sql("SELECT 1 FROM sqlite_sequence WHERE name = 'employees'").first():
            bind.exec_driver_sql(
                "INSERT INTO sqlite_sequence (name, seq) VALUES ('employees', ?)", (int(last_id),)
            )
    with op.batch_alter_table(
        "history", recreate="always", table_kwargs={"sqlite_autoincrement": True}
    ) as batch:
        batch.alter_column("id", existing_type=sa.Integer(), nullable=False)
        batch.alter_column(
            "login_only", existing_type=sa.Integer(), type_=sa.Boolean(), existing_nullable=False
        )
        batch.alter_column("ok", existing_type=sa.Integer(), type_=sa.Boolean(), existing_nullable=False)
        batch.alter_column("elapsed_ms", existing_type=sa.REAL(), type_=sa.Float(), existing_nullable=False)
        batch.add_column(sa.Column("actor", sa.Text, nullable=False, server_default=""))
    _create_office_tables()
    # smtpdesk 0.1 knew data versions up to 2: it refuses this file instead of misreading it.
    op.execute("PRAGMA user_version = 3")


def _upgrade_postgresql() -> None:
    _create_sections({})
    op.create_table("employees", *_employee_columns())
    op.create_table("history", *_history_columns())
    op.create_index("history_by_account", "history", ["account_key", "at", "id"])
    _create_office_tables()


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _upgrade_sqlite()
    else:
        _upgrade_postgresql()
