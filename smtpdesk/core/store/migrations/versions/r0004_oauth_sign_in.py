"""Accounts can sign in with OAuth2 ("Zaloguj przez Microsoft / Google"): a sign-in method per
account, and the office's own app registration in a settings section of its own. Existing accounts
keep logging in with their password.

Revision ID: r0004
Revises: r0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from smtpdesk.core.store.tables import UtcDateTime

revision = "r0004"
down_revision = "r0003"
branch_labels = None
depends_on = None

OAUTH_FIELDS = (
    "microsoft_client_id",
    "microsoft_tenant",
    "microsoft_authority",
    "google_client_id",
    "google_authority",
    "ca_file",
)


def upgrade() -> None:
    for table in ("settings_company_smtp", "settings_default_server"):
        op.add_column(table, sa.Column("auth_method", sa.String(32), nullable=True))
        op.execute(f"UPDATE {table} SET auth_method = 'password' WHERE present")
    op.add_column("employees", sa.Column("smtp_auth_method", sa.String(32), nullable=True))
    op.execute("UPDATE employees SET smtp_auth_method = 'password' WHERE smtp_host IS NOT NULL")
    oauth = op.create_table(
        "settings_oauth",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="0"),
        sa.Column("changed_at", UtcDateTime, nullable=True),
        sa.Column("changed_by", sa.Text, nullable=False, server_default=""),
        *(sa.Column(name, sa.Text, nullable=True) for name in OAUTH_FIELDS),
    )
    op.bulk_insert(oauth, [{"id": 1, "version": 0}])
