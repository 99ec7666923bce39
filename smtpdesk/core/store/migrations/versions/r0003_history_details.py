"""The test history keeps the whole diagnosis (explanation, steps, fixes, the server's reply, notes,
certificate, queue id), so a stored run shows the same report the dialog gave.

Revision ID: r0003
Revises: r0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "r0003"
down_revision = "r0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("history", sa.Column("details_json", sa.Text, nullable=False, server_default="{}"))
