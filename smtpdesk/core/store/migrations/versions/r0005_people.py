"""The office's people: application passwords (hashes only) with their history and failed
sign-ins, who ran each test and made each change, and two settings of "Pozostałe ustawienia"
(agents editing their own SMTP account, locking after inactivity).

Revision ID: r0005
Revises: r0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from smtpdesk.core.store.tables import UtcDateTime

revision = "r0005"
down_revision = "r0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # New nullable columns: a stored NULL reads as the field's default (no agent edits, 15 min).
    op.add_column("settings_office", sa.Column("agents_edit_own_smtp", sa.Boolean, nullable=True))
    op.add_column("settings_office", sa.Column("idle_lock_minutes", sa.Integer, nullable=True))
    op.add_column("history", sa.Column("person_id", sa.Integer, nullable=True))
    op.add_column("changes", sa.Column("person_id", sa.Integer, nullable=True))
    op.create_table(
        "app_passwords",
        sa.Column("employee_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("set_at", UtcDateTime, nullable=False),
        sa.Column("must_change", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("failed_attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("locked_until", UtcDateTime, nullable=True),
        sa.Column("last_sign_in_at", UtcDateTime, nullable=True),
    )
    op.create_table(
        "app_password_history",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("employee_id", sa.Integer, nullable=False),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("set_at", UtcDateTime, nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("app_password_history_by_employee", "app_password_history", ["employee_id", "id"])
